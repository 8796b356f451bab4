/**
 * A run's Prometheus metrics (`--metrics-port` on the run commands), read from
 * its session's records: the same TaskMetrics a worker keeps. A task is
 * queued from its `queued` record (or a retry) until its `process-start`,
 * running until its `process-end`; a `limit` pause counts a rate-limit pause.
 */
import type { OrchestrateEvent } from '../events/types.js';
import { TaskMetrics } from './task-metrics.js';

export class RunMetrics {
  /** Tasks waiting for their next try to start. */
  private readonly waiting = new Set<string>();
  /** The agent of each running task. */
  private readonly running = new Map<string, string>();

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
        if (!this.running.has(event.processId)) this.waiting.add(event.processId);
        return;
      case 'process-start': {
        const agent = event.agent ?? 'unknown';
        this.waiting.delete(event.processId);
        this.running.set(event.processId, agent);
        this.metrics.started(agent);
        return;
      }
      case 'process-end': {
        this.waiting.delete(event.processId);
        const agent = this.running.get(event.processId) ?? event.agent ?? 'unknown';
        const wasRunning = this.running.delete(event.processId);
        this.metrics.ended({ ...event, agent }, wasRunning);
        return;
      }
      case 'limit':
        if (event.action === 'pause') this.metrics.rateLimitPause();
        return;
      default:
        return;
    }
  }
}
