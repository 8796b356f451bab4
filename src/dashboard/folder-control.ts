/**
 * Cancels through a session's control folder (session/control-requests.ts):
 * for a run in another process, e.g. under `orchestrate dashboard
 * --allow-cancel`. The run must be alive on this host (its recorded pid
 * running and started before the session, so a reused pid does not count)
 * and taking requests (its control folder exists); the request is then
 * written for the run to act on, and the page sees the outcome in the records.
 */
import { readSessionMetadata } from '../session/read-session.js';
import { sessionLiveness } from '../session/liveness.js';
import {
  requestControl,
  takesControlRequests,
  type ControlRequest,
} from '../session/control-requests.js';
import type { CancelAnswer, DashboardControl } from './options.js';

const WHY_NOT: Record<string, string> = {
  closed: 'The run has ended',
  abandoned: 'The run is gone: its orchestrator ended without closing the session',
  unknown: 'The run is not on this machine (or cannot be checked): stop it where it runs',
};

async function request(sessionDir: string, wanted: ControlRequest): Promise<CancelAnswer> {
  const liveness = sessionLiveness(sessionDir, await readSessionMetadata(sessionDir));
  if (liveness !== 'running') return { ok: false, message: WHY_NOT[liveness]! };
  if (!takesControlRequests(sessionDir))
    return {
      ok: false,
      message:
        'This run takes no cancels from a dashboard (a library session or an older orchestrate): stop it with Ctrl-C where it runs',
    };
  try {
    requestControl(sessionDir, wanted);
  } catch (error) {
    return { ok: false, message: `Could not ask the run: ${(error as Error).message}` };
  }
  return { ok: true, message: 'Asked the run to cancel' };
}

export function folderControl(): DashboardControl {
  return {
    runSessionId: null,
    cancelSession: (_sessionId, sessionDir) => request(sessionDir, { kind: 'cancel-session' }),
    cancelProcess: (_sessionId, sessionDir, processId) =>
      request(sessionDir, { kind: 'cancel-process', processId }),
  };
}
