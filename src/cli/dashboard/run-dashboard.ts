/**
 * `--dashboard` on a run command: a dashboard over the run's sessions folder,
 * started once the session exists and closed when the run ends (after the
 * last records went out). With --allow-cancel its page can cancel the run
 * (as Ctrl-C does) or one process (its current try), and other live runs
 * through their control folders.
 */
import { dirname } from 'node:path';
import { sessionControl } from '../../dashboard/session-control.js';
import type { Dashboard } from '../../dashboard/server.js';
import type { OrchestratorSession } from '../../session/orchestrator-session.js';
import { exposureWarning, type DashboardConfig } from '../options/dashboard-flags.js';
import type { Interrupts } from '../run/interrupts.js';

/**
 * The run's dashboard when --dashboard was given (`config` not null), else
 * null. The server's modules load only then. Its page cancels the run
 * through `interrupts` (as Ctrl-C does); `notice` prints its URL (and a
 * warning for a host that is not loopback) beside the live view.
 */
export async function startRunDashboard(
  config: DashboardConfig | null,
  session: OrchestratorSession,
  interrupts: Interrupts,
  notice: (text: string) => void,
): Promise<Dashboard | null> {
  if (config === null) return null;
  const { startDashboard } = await import('../../dashboard/server.js');
  const warning = exposureWarning(config.host);
  if (warning) notice(warning);
  const dashboard = await startDashboard({
    baseLogDir: dirname(session.sessionDir),
    host: config.host,
    port: config.port,
    allowCancel: config.allowCancel,
    control: sessionControl(session, (reason) => interrupts.controller.abort(reason)),
  });
  notice(`Dashboard: ${dashboard.url}#/sessions/${encodeURIComponent(session.sessionId)}`);
  return dashboard;
}
