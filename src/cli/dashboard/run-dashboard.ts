/**
 * `--dashboard` on a run command: a dashboard over the run's sessions folder,
 * started once the session exists and closed when the run ends (after the
 * last records went out). With --allow-cancel its page can cancel the run
 * (as Ctrl-C does) or one process (its current try), and other live runs
 * through their control folders.
 */
import { dirname } from 'node:path';
import { folderControl } from '../../dashboard/folder-control.js';
import type { DashboardControl } from '../../dashboard/options.js';
import type { Dashboard } from '../../dashboard/server.js';
import type { OrchestratorSession } from '../../session/orchestrator-session.js';
import { exposureWarning, type DashboardConfig } from '../options/dashboard-flags.js';

export interface RunDashboardParts {
  config: DashboardConfig;
  session: OrchestratorSession;
  /** Aborts the run, as Ctrl-C does. */
  abort: (reason: Error) => void;
  /** Prints a line beside the live view. */
  notice: (text: string) => void;
}

export async function startRunDashboard(parts: RunDashboardParts): Promise<Dashboard> {
  const { config, session } = parts;
  const { startDashboard } = await import('../../dashboard/server.js');
  const warning = exposureWarning(config.host);
  if (warning) parts.notice(warning);
  const dashboard = await startDashboard({
    baseLogDir: dirname(session.sessionDir),
    host: config.host,
    port: config.port,
    allowCancel: config.allowCancel,
    control: besideRun(parts),
  });
  parts.notice(`Dashboard: ${dashboard.url}#/sessions/${encodeURIComponent(session.sessionId)}`);
  return dashboard;
}

/** This run's cancels go straight to it; other runs' through their control folders. */
function besideRun(parts: RunDashboardParts): DashboardControl {
  const { session } = parts;
  const others = folderControl();
  return {
    runSessionId: session.sessionId,
    cancelSession: async (sessionId, dir) => {
      if (sessionId !== session.sessionId) return others.cancelSession(sessionId, dir);
      parts.abort(new Error('cancelled from the dashboard'));
      return { ok: true, message: 'Cancelling the run' };
    },
    cancelProcess: async (sessionId, dir, processId) => {
      if (sessionId !== session.sessionId) return others.cancelProcess(sessionId, dir, processId);
      return session.cancelProcess(processId, 'cancelled from the dashboard')
        ? { ok: true, message: `Cancelling ${processId}` }
        : { ok: false, message: 'No such process is running' };
    },
  };
}
