/**
 * A run takes cancel requests from a dashboard in another process
 * (`orchestrate dashboard --allow-cancel`) through its session's control
 * folder: the run as Ctrl-C would, or one process's running try.
 */
import { watchControlRequests } from '../../session/control-requests.js';
import type { OrchestratorSession } from '../../session/orchestrator-session.js';

const REASON = 'cancelled from the dashboard';

export function takeCancelRequests(
  session: OrchestratorSession,
  interrupts: { controller: AbortController },
): { close(): void } | null {
  return watchControlRequests(session.sessionDir, {
    cancelSession: () => interrupts.controller.abort(new Error(REASON)),
    cancelProcess: (processId) => session.cancelProcess(processId, REASON),
  });
}
