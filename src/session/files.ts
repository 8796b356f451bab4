/** The names inside a session folder (see docs/session.md). */
import { join } from 'node:path';

export const SESSION_FILES = {
  /** Human lines, `[HH:MM:SS] [LEVEL] [source] message`. */
  log: 'session.log',
  /** One typed record per line, keyed by `kind`. */
  events: 'events.jsonl',
  /** What the session is: id, pattern, working dir, model, start time, versions. */
  metadata: 'metadata.json',
  /** Written by close(): per-process outcomes, totals, the session's status. */
  summary: 'summary.json',
  /** The core's per-process logs: `<processId>.log`, `<processId>.jsonl`, `<processId>.attempt-N.log`. */
  processes: 'processes',
  /** While a run takes cancel requests from another process: one file per request (control-requests.ts). */
  control: 'control',
} as const;

export function sessionFile(sessionDir: string, name: keyof typeof SESSION_FILES): string {
  return join(sessionDir, SESSION_FILES[name]);
}
