/**
 * A run's Prometheus metrics (`--metrics-port` on the run commands), read from
 * its session's records: the same TaskMetrics a worker keeps. A task is
 * queued from its `queued` record (or a retry) until its `process-start`,
 * running until its `process-end`; a `limit` pause counts a rate-limit pause.
 * A try's tokens and cost count at its end; its status counts only when no
 * `retry` record follows it (the session writes that one in the same turn of
 * the event loop), so `orchestrate_tasks_total` counts tasks, not tries.
 */
import type { EventOf, OrchestrateEvent } from '../events/types.js';
import { TaskMetrics } from './task-metrics.js';

export class RunMetrics {
  /** Tasks waiting for their next try to start. */
  private readonly waiting = new Set<string>();
  /** The agent of each running task. */
  private readonly running = new Map<string, string>();
  /** Ends not counted yet: a retry record may still follow. */
  private readonly ending = new Map<string, { agent: string; status: string }>();

  private constructor(readonly metrics: TaskMetrics) {}

  static async create(): Promise<RunMetrics> {
    let run: RunMetrics | null = null;
    const metrics = await TaskMetrics.create(() => Promise.resolve(run?.waiting.size ?? 0));
    run = new RunMetrics(metrics);
    return run;
  }

  /** Reads one record of the run's session. */
  read(event: OrchestrateEvent): void {
    switch (event.kind) {
      case 'queued':
        this.waiting.add(event.processId);
        return;
      case 'retry':
        // The try before it was not the task's end.
        this.ending.delete(event.processId);
        if (!this.running.has(event.processId)) this.waiting.add(event.processId);
        return;
      case 'process-start': {
        const agent = event.agent ?? 'unknown';
        this.waiting.delete(event.processId);
        this.running.set(event.processId, agent);
        this.metrics.started(agent);
        return;
      }
      case 'process-end':
        this.ended(event);
        return;
      case 'limit':
        if (event.action === 'pause') this.metrics.rateLimitPause();
        return;
      default:
        return;
    }
  }

  private ended(event: EventOf<'process-end'>): void {
    const id = event.processId;
    this.waiting.delete(id);
    const agent = this.running.get(id) ?? event.agent ?? 'unknown';
    this.metrics.stopped(agent, this.running.delete(id));
    this.metrics.spent({ agent, usage: event.usage, costUsd: event.costUsd });
    const end = { agent, status: event.status };
    this.ending.set(id, end);
    setImmediate(() => {
      if (this.ending.get(id) !== end) return;
      this.ending.delete(id);
      this.metrics.counted(end);
    });
  }
}
