/**
 * The dashboard's flags: on `orchestrate dashboard` (--host, --port), and on
 * every run command (--dashboard, --dashboard-host, --dashboard-port,
 * --allow-cancel), checked here with messages that name the flag.
 */
import type { Command } from 'commander';
import { isLoopback } from '../../dashboard/options.js';
import { badFlag, usageError } from '../errors.js';
import { nonNegativeIntegerFlag } from './integers.js';

export interface RawDashboardRunFlags {
  dashboard?: boolean;
  dashboardHost?: string;
  dashboardPort?: string;
  allowCancel?: boolean;
}

export interface DashboardConfig {
  host: string;
  port: number;
  allowCancel: boolean;
}

const HOST_HELP =
  'address to listen on (default: 127.0.0.1; anything else is reachable from other machines)';
const PORT_HELP = 'port to listen on (default: a free one)';

export function addDashboardRunFlags(command: Command): Command {
  return command
    .option('--dashboard', 'serve a live web dashboard of this run while it lasts; prints its URL')
    .option('--dashboard-host <address>', HOST_HELP)
    .option('--dashboard-port <n>', PORT_HELP)
    .option('--allow-cancel', 'let the dashboard page cancel this run or one of its processes');
}

export function addDashboardServeFlags(command: Command): Command {
  return command.option('--host <address>', HOST_HELP).option('--port <n>', PORT_HELP);
}

export function dashboardConfig(
  host: string | undefined,
  port: string | undefined,
  allowCancel: boolean,
  names: { host: string; port: string },
  command: string,
): DashboardConfig {
  if (host !== undefined && (host.trim() === '' || /\s/.test(host)))
    throw badFlag(names.host, host, 'a host name or address such as 127.0.0.1', command);
  const n = port === undefined ? 0 : nonNegativeIntegerFlag(names.port, port, command);
  if (n > 65535) throw badFlag(names.port, port, 'a port from 0 to 65535', command);
  return { host: host ?? '127.0.0.1', port: n, allowCancel };
}

/** The warning to print when the dashboard listens beyond this machine, or null. */
export function exposureWarning(host: string): string | null {
  if (isLoopback(host)) return null;
  return `warning: the dashboard listens on ${host}, not only this machine: anyone who can reach it and has the URL (its token) can see your runs.`;
}

/** The run's dashboard from its flags, or null without --dashboard (whose companions then are errors). */
export function runDashboardConfig(
  raw: RawDashboardRunFlags,
  command: string,
): DashboardConfig | null {
  if (!raw.dashboard) {
    const stray = [
      raw.dashboardHost !== undefined && '--dashboard-host',
      raw.dashboardPort !== undefined && '--dashboard-port',
      raw.allowCancel && '--allow-cancel',
    ].find(Boolean);
    if (stray) throw usageError(`${stray} needs --dashboard`, command);
    return null;
  }
  return dashboardConfig(
    raw.dashboardHost,
    raw.dashboardPort,
    raw.allowCancel === true,
    { host: '--dashboard-host', port: '--dashboard-port' },
    command,
  );
}
