/**
 * Cancels for a session run in this process (the run a `--dashboard` was
 * started beside, or a library session): its processes directly, through
 * `session.cancelProcess` (a running one ends, one waiting for its slot ends
 * without starting), and the whole run through `cancelRun` (the abort of the
 * run's strategies). Other sessions go through their control folders.
 */
import type { OrchestratorSession } from '../session/orchestrator-session.js';
import { folderControl } from './folder-control.js';
import type { DashboardControl } from './options.js';

const REASON = 'cancelled from the dashboard';

export function sessionControl(
  session: Pick<OrchestratorSession, 'sessionId' | 'cancelProcess'>,
  cancelRun: (reason: Error) => void,
): DashboardControl {
  const others = folderControl();
  return {
    runSessionId: session.sessionId,
    cancelSession: async (sessionId, dir) => {
      if (sessionId !== session.sessionId) return others.cancelSession(sessionId, dir);
      cancelRun(new Error(REASON));
      return { ok: true, message: 'Cancelling the run' };
    },
    cancelProcess: async (sessionId, dir, processId) => {
      if (sessionId !== session.sessionId) return others.cancelProcess(sessionId, dir, processId);
      return session.cancelProcess(processId, REASON)
        ? { ok: true, message: `Cancelling ${processId}` }
        : { ok: false, message: `${processId} has ended (or is no process of this run)` };
    },
  };
}
