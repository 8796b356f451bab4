/**
 * Reads events.jsonl back. A session that crashed may leave a half-written
 * last line, and a newer orchestrate may add kinds: such lines are skipped,
 * never fatal.
 */
import { EVENT_KINDS, type OrchestrateEvent } from './types.js';

const KNOWN = new Set<string>(EVENT_KINDS);

/** One line as a record, or null when it is not a record this version knows. */
export function parseEventRecord(line: string): OrchestrateEvent | null {
  if (!line.startsWith('{')) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const record = value as Record<string, unknown>;
  if (typeof record.kind !== 'string' || !KNOWN.has(record.kind)) return null;
  if (typeof record.at !== 'string' || typeof record.sessionId !== 'string') return null;
  return record as unknown as OrchestrateEvent;
}

/**
 * Every record in the text of an events.jsonl file, in order. Files written
 * before records had a `seq` get one from their line number.
 */
export function parseEvents(text: string): OrchestrateEvent[] {
  const events: OrchestrateEvent[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    const event = parseEventRecord(line.trim());
    if (!event) continue;
    if (typeof event.seq !== 'number') event.seq = index + 1;
    events.push(event);
  }
  return events;
}
