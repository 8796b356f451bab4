/**
 * `orchestrate dashboard`: serves the sessions folder until SIGINT or
 * SIGTERM, printing its one URL (with the token) on stdout. It is read-only:
 * cancelling from the page is for a dashboard started beside its run
 * (`--dashboard --allow-cancel`).
 */
import { startDashboard } from '../../dashboard/server.js';
import type { DashboardCommandFlags } from '../commands/dashboard-command.js';
import { EXIT, type ExitCode } from '../errors.js';
import { dashboardConfig, exposureWarning } from '../options/dashboard-flags.js';
import { baseLogDir } from '../sessions/locate.js';

export async function serveDashboard(flags: DashboardCommandFlags): Promise<ExitCode> {
  const base = baseLogDir(flags, 'dashboard');
  const config = dashboardConfig(
    flags.host,
    flags.port,
    false,
    { host: '--host', port: '--port' },
    'dashboard',
  );
  const warning = exposureWarning(config.host);
  if (warning) process.stderr.write(`${warning}\n`);
  const dashboard = await startDashboard({
    baseLogDir: base,
    host: config.host,
    port: config.port,
  });
  process.stdout.write(`Dashboard of ${base}: ${dashboard.url}\n`);
  process.stderr.write('Press Ctrl-C to stop.\n');
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await dashboard.close();
  void signal;
  return EXIT.ok;
}
