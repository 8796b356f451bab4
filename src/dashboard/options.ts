/** The dashboard's options, normalized once; errors name the option, the value and its type. */
import { resolve } from 'node:path';
import { describeValue } from '../process/validate.js';

/** What a dashboard started beside a run (`--dashboard`) can do to that run. */
export interface DashboardControl {
  sessionId: string;
  cancelSession(): void;
  /** False when the run has no such process running. */
  cancelProcess(processId: string): boolean;
}

export interface DashboardOptions {
  /** The folder of session folders to serve. */
  baseLogDir: string;
  /** Default `127.0.0.1`; anything else is reachable from other machines. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** Lets the page cancel the run in `control`. Default false: read-only. */
  allowCancel?: boolean;
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
  control: DashboardControl | null;
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
    control: options.control ?? null,
    pollMs,
    token: token ?? null,
  };
}
