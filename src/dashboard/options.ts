/** The dashboard's options, normalized once; errors name the option, the value and its type. */
import { resolve } from 'node:path';
import { describeValue } from '../process/validate.js';
import { folderControl } from './folder-control.js';

/** A cancel's answer: done (or handed to the run), or why not, in words for the page. */
export type CancelAnswer = { ok: boolean; message: string };

/**
 * How the page's Cancel buttons reach a run: directly for the run a dashboard
 * was started beside (`--dashboard`), through the session's control folder for
 * any other live run (folder-control.ts).
 */
export interface DashboardControl {
  /** The run this dashboard was started beside (its page opens there), or null. */
  runSessionId: string | null;
  cancelSession(sessionId: string, sessionDir: string): Promise<CancelAnswer>;
  cancelProcess(sessionId: string, sessionDir: string, processId: string): Promise<CancelAnswer>;
}

export interface DashboardOptions {
  /** The folder of session folders to serve. */
  baseLogDir: string;
  /** Default `127.0.0.1`; anything else is reachable from other machines. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Lets the page cancel live runs and their processes. Default false: read-only. */
  allowCancel?: boolean;
  /** How cancels reach the runs (default: each run's control folder). */
  control?: DashboardControl;
  /** How often watched files are checked for new lines. Default 250 ms. */
  pollMs?: number;
  /** Default: a new random one. */
  token?: string;
}

export interface NormalizedDashboardOptions {
  baseLogDir: string;
  host: string;
  port: number;
  allowCancel: boolean;
  control: DashboardControl;
  pollMs: number;
  token: string | null;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

export function normalizeDashboardOptions(options: DashboardOptions): NormalizedDashboardOptions {
  const { baseLogDir, host = '127.0.0.1', port = 0, pollMs = 250, token } = options;
  if (typeof baseLogDir !== 'string' || baseLogDir === '')
    throw new TypeError(
      `Expected \`baseLogDir\` to be a folder path, got ${describeValue(baseLogDir)}`,
    );
  if (typeof host !== 'string' || host === '')
    throw new TypeError(
      `Expected \`host\` to be a host name or address, got ${describeValue(host)}`,
    );
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TypeError(
      `Expected \`port\` to be an integer from 0 to 65535, got ${describeValue(port)}`,
    );
  if (!Number.isInteger(pollMs) || pollMs < 10)
    throw new TypeError(
      `Expected \`pollMs\` to be an integer of at least 10, got ${describeValue(pollMs)}`,
    );
  if (token !== undefined && (typeof token !== 'string' || token.length < 16))
    throw new TypeError(
      `Expected \`token\` to be a string of at least 16 characters, got ${describeValue(token)}`,
    );
  return {
    baseLogDir: resolve(baseLogDir),
    host,
    port,
    allowCancel: options.allowCancel === true,
    control: options.control ?? folderControl(),
    pollMs,
    token: token ?? null,
  };
}
