/**
 * `orchestrate dashboard`: serves the sessions folder until SIGINT or
 * SIGTERM, printing its one URL (with the token) on stdout. Read-only unless
 * --allow-cancel: then the page cancels live runs on this machine through
 * their control folders (dashboard/folder-control.ts).
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
    flags.allowCancel === true,
    { host: '--host', port: '--port' },
    'dashboard',
  );
  const warning = exposureWarning(config.host);
  if (warning) process.stderr.write(`${warning}\n`);
  const dashboard = await startDashboard({
    baseLogDir: base,
    host: config.host,
    port: config.port,
    allowCancel: config.allowCancel,
  });
  // Listen before saying so: a Ctrl-C right after the words must not find Node's default.
  const stopped = new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write(`Dashboard of ${base}: ${dashboard.url}\n`);
  process.stderr.write('Press Ctrl-C to stop.\n');
  await stopped;
  await dashboard.close();
  return EXIT.ok;
}
