/**
 * `--dashboard` on a run command: a dashboard over the run's sessions folder,
 * started once the session exists and closed when the run ends (after the
 * last records went out). With --allow-cancel its page can cancel the run
 * (as Ctrl-C does) or one process (its current try).
 */
import { dirname } from 'node:path';
import type { Dashboard } from '../../dashboard/server.js';
import type { AgentProcess } from '../../process/agent-process.js';
import type { OrchestratorSession } from '../../session/orchestrator-session.js';
import { exposureWarning, type DashboardConfig } from '../options/dashboard-flags.js';

export interface RunDashboardParts {
  config: DashboardConfig;
  session: OrchestratorSession;
  processes: AgentProcess[];
  /** Aborts the run, as Ctrl-C does. */
  abort: (reason: Error) => void;
  /** Prints a line beside the live view. */
  notice: (text: string) => void;
}

export async function startRunDashboard(parts: RunDashboardParts): Promise<Dashboard> {
  const { config, session, processes } = parts;
  const { startDashboard } = await import('../../dashboard/server.js');
  // The try running now of each process: a retry is a clone that inherits this listener.
  const current = new Map<string, AgentProcess>();
  for (const made of processes) {
    made.on('start', function (this: AgentProcess) {
      current.set(this.processId, this);
    });
  }
  const warning = exposureWarning(config.host);
  if (warning) parts.notice(warning);
  const dashboard = await startDashboard({
    baseLogDir: dirname(session.sessionDir),
    host: config.host,
    port: config.port,
    allowCancel: config.allowCancel,
    control: {
      sessionId: session.sessionId,
      cancelSession: () => parts.abort(new Error('cancelled from the dashboard')),
      cancelProcess: (processId) => {
        const running = current.get(processId);
        if (!running || running.state !== 'running') return false;
        running.cancel('cancelled from the dashboard');
        return true;
      },
    },
  });
  parts.notice(`Dashboard: ${dashboard.url}#/sessions/${encodeURIComponent(session.sessionId)}`);
  return dashboard;
}
