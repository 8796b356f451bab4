/**
 * The records a late listener needs to catch up, kept in O(running) memory:
 * the session-start record, and for each process still running its records
 * since its last start (a run of activity records collapses to the latest).
 * A finished process's records are dropped here; events.jsonl has them all.
 */
import type { OrchestrateEvent } from '../events/types.js';

export class LiveRecords {
  private start: OrchestrateEvent | null = null;
  private readonly running = new Map<string, OrchestrateEvent[]>();

  add(event: OrchestrateEvent): void {
    if (event.kind === 'session-start') {
      this.start = event;
      return;
    }
    if (event.kind === 'log' || !('processId' in event)) return;
    if (event.kind === 'process-end') {
      this.running.delete(event.processId);
      return;
    }
    let list = this.running.get(event.processId);
    if (!list || event.kind === 'process-start') this.running.set(event.processId, (list = []));
    if (event.kind === 'process-activity' && list.at(-1)?.kind === 'process-activity') list.pop();
    list.push(event);
  }

  /** Oldest first by seq. */
  list(): OrchestrateEvent[] {
    const all = [...this.running.values()].flat();
    all.sort((a, b) => a.seq - b.seq);
    return this.start ? [this.start, ...all] : all;
  }

  /** How many records are held (for tests and benchmarks). */
  get size(): number {
    let n = this.start ? 1 : 0;
    for (const list of this.running.values()) n += list.length;
    return n;
  }
}
