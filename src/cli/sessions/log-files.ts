/**
 * Which log files `orchestrate logs` prints: session.log, or every try of one
 * process in order (`<id>.log`, `<id>.attempt-2.log`, ...), read from the
 * session's process-start records; and whether there is more to wait for.
 */
import { existsSync, realpathSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { OrchestrateEvent } from '../../events/types.js';
import { sessionFile } from '../../session/files.js';
import { isAlive } from '../../process/terminate/process-table.js';

/** The known process ids of the session, in the order they appeared. */
export function processIds(events: OrchestrateEvent[]): string[] {
  const ids = new Set<string>();
  for (const e of events) if ('processId' in e) ids.add(e.processId);
  return [...ids];
}

/** The agent that ran a process (its first start says; sessions older than the field ran claude). */
export function agentOf(events: OrchestrateEvent[], processId: string): string {
  for (const e of events)
    if (e.kind === 'process-start' && e.processId === processId) return e.agent ?? 'claude';
  for (const e of events) if (e.kind === 'queued' && e.processId === processId) return e.agent;
  return 'claude';
}

/** True when `path` is inside `dir`, after following symbolic links: nothing outside a session is ever read. */
export function insideFolder(dir: string, path: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(path).startsWith(real(dir) + sep);
}

/** Every try's log file of a process, in order (only files inside the session's folder). */
export function processLogFiles(
  dir: string,
  events: OrchestrateEvent[],
  processId: string,
): string[] {
  const files = events.flatMap((e) =>
    e.kind === 'process-start' && e.processId === processId && insideFolder(dir, e.logFile)
      ? [e.logFile]
      : [],
  );
  const unique = [...new Set(files)];
  if (unique.length > 0) return unique;
  const fallback = join(sessionFile(dir, 'processes'), `${processId}.log`);
  return existsSync(fallback) ? [fallback] : [];
}

/** True once nothing more will be written: the session closed, its process ended for good, or its orchestrator is gone. */
export function finished(
  dir: string,
  events: OrchestrateEvent[],
  processId: string | undefined,
): boolean {
  if (existsSync(sessionFile(dir, 'summary'))) return true;
  if (events.some((e) => e.kind === 'session-end')) return true;
  const start = events.find((e) => e.kind === 'session-start');
  if (start && start.kind === 'session-start' && !isAlive(start.pid)) return true;
  if (processId === undefined) return false;
  const own = events.filter(
    (e) =>
      (e.kind === 'process-start' || e.kind === 'process-end' || e.kind === 'retry') &&
      e.processId === processId,
  );
  return own.at(-1)?.kind === 'process-end';
}
