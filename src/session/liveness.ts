/**
 * Is a session folder still being written? A closed session has summary.json.
 * Without one, the orchestrator named in metadata.json (hostname and pid) is
 * either still running or died without closing. On its own host we can tell:
 * the pid must be alive and must have started before the session did (a pid
 * reused by a later process does not count). On another host we cannot.
 */
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { processStartTicks } from '../process/terminate/process-table.js';
import { sessionFile } from './files.js';
import type { SessionMetadata } from './metadata.js';

/**
 * `closed`: summary.json exists. `running`: its orchestrator is alive here.
 * `abandoned`: no summary and its orchestrator is gone (killed, crashed).
 * `unknown`: no summary, and it ran on another host (or metadata.json is missing).
 */
export type SessionLiveness = 'closed' | 'running' | 'abandoned' | 'unknown';

/** Linux reports process start times in clock ticks; USER_HZ is 100 on every Linux ABI. */
const CLOCK_TICKS_PER_SECOND = 100;
/** Start times read this way are exact to a tick; allow for clock steps around the start. */
const START_SLACK_MS = 2000;

export function sessionLiveness(
  sessionDir: string,
  metadata: Pick<SessionMetadata, 'hostname' | 'pid' | 'startedAt' | 'resumedAt'> | null,
): SessionLiveness {
  if (existsSync(sessionFile(sessionDir, 'summary'))) return 'closed';
  if (!metadata || metadata.hostname !== hostname()) return 'unknown';
  const started = processStartTime(metadata.pid);
  if (started === undefined) return 'unknown'; // no /proc: cannot tell
  if (started === null) return 'abandoned';
  // A resumed session's orchestrator started when it was resumed, not when the session began.
  const sessionStart = Date.parse(metadata.resumedAt ?? metadata.startedAt);
  if (Number.isNaN(sessionStart)) return 'unknown';
  return started <= sessionStart + START_SLACK_MS ? 'running' : 'abandoned';
}

/**
 * When a living process started (ms since the epoch); null when there is no
 * such process (or it is a zombie); undefined when /proc cannot say.
 */
export function processStartTime(pid: number): number | null | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  let bootSeconds: number;
  try {
    const line = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'latin1'));
    if (!line) return undefined;
    bootSeconds = Number(line[1]);
  } catch {
    return undefined;
  }
  const ticks = processStartTicks(pid);
  if (ticks === null) return null;
  return bootSeconds * 1000 + (ticks / CLOCK_TICKS_PER_SECOND) * 1000;
}
