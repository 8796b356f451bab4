/**
 * Reading session folders back, for `orchestrate sessions` and the dashboard.
 * A closed session has summary.json; a running or crashed one only has
 * events.jsonl, which is replayed through the same fold as the live session,
 * giving status 'incomplete'.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseEvents } from '../events/parse-events.js';
import type { OrchestrateEvent } from '../events/types.js';
import type { TaskSpec } from '../tasks/task-spec.js';
import { sessionFile } from './files.js';
import type { SessionMetadata } from './metadata.js';
import { SummaryBuilder } from './summary-builder.js';
import type { SessionSummary } from './summary-types.js';

async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

async function readJson<T>(path: string): Promise<T | null> {
  const text = await readText(path);
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** The session's records, oldest first; [] when there is no events.jsonl. */
export async function readSessionEvents(sessionDir: string): Promise<OrchestrateEvent[]> {
  const text = await readText(sessionFile(resolve(sessionDir), 'events'));
  return text === null ? [] : parseEvents(text);
}

/**
 * The tasks the session ran as data (its 'task' records), in the order they
 * first started: enough to run them again, once the secrets redacted from
 * their `env` are supplied.
 */
export async function readSessionTasks(sessionDir: string): Promise<TaskSpec[]> {
  const events = await readSessionEvents(sessionDir);
  return events.flatMap((event) => (event.kind === 'task' ? [event.spec] : []));
}

export async function readSessionMetadata(sessionDir: string): Promise<SessionMetadata | null> {
  return readJson<SessionMetadata>(sessionFile(resolve(sessionDir), 'metadata'));
}

/**
 * The folder's summary: summary.json when the session was closed, else one
 * rebuilt from events.jsonl (status 'incomplete'). Rejects when the folder
 * holds neither.
 */
export async function readSessionSummary(sessionDir: string): Promise<SessionSummary> {
  const dir = resolve(sessionDir);
  const saved = await readJson<SessionSummary>(sessionFile(dir, 'summary'));
  if (saved && typeof saved.sessionId === 'string' && Array.isArray(saved.processes)) return saved;
  const events = await readSessionEvents(dir);
  if (events.length === 0) {
    throw new Error(`${dir} is not a session folder: it has neither summary.json nor events.jsonl`);
  }
  const builder = new SummaryBuilder();
  for (const event of events) builder.apply(event);
  const summary = builder.summary(new Date(events[events.length - 1]!.at));
  return { ...summary, sessionDir: summary.sessionDir || dir };
}

/** Every session under `baseLogDir`, newest first; folders that are not sessions are skipped. */
export async function listSessions(baseLogDir: string): Promise<SessionSummary[]> {
  const base = resolve(baseLogDir);
  let names: string[];
  try {
    const entries = await readdir(base, { withFileTypes: true });
    names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return [];
  }
  const summaries = await Promise.all(
    names.map((name) => readSessionSummary(join(base, name)).catch(() => null)),
  );
  return summaries
    .filter((summary): summary is SessionSummary => summary !== null)
    .sort(
      (a, b) => b.startedAt.localeCompare(a.startedAt) || b.sessionId.localeCompare(a.sessionId),
    );
}
