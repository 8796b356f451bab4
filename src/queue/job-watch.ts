/**
 * The submitter's second pair of eyes: Redis events can be missed (a dropped
 * connection, a Redis restart), so every `intervalMs` each unsettled job's
 * state is read. A job that finished without its event reaching us is settled
 * from its record; a job Redis no longer has (restarted without persistence)
 * is enqueued again under the same id, and its lost run is not a result.
 */
import type { Queue } from 'bullmq';
import type { JobReturn } from './job-protocol.js';
import type { JobTracker } from './job-tracker.js';

interface Watched {
  tracker: JobTracker;
  enqueue: () => Promise<unknown>;
  /** Polls that found the job finished: settled from the record from the second (its event had a poll's time). */
  finishedPolls: number;
}

/** Polls a finished job's last updates may take to arrive (a slow submitter) before it is settled without them. */
const UPDATES_GRACE_POLLS = 10;

export class JobWatch {
  private readonly jobs = new Map<string, Watched>();
  private readonly timer: NodeJS.Timeout;
  private polling = false;

  constructor(
    private readonly queue: Queue,
    intervalMs: number,
  ) {
    this.timer = setInterval(() => void this.poll(), intervalMs);
    this.timer.unref();
  }

  add(jobId: string, tracker: JobTracker, enqueue: () => Promise<unknown>): void {
    this.jobs.set(jobId, { tracker, enqueue, finishedPolls: 0 });
  }

  remove(jobId: string): void {
    this.jobs.delete(jobId);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async poll(): Promise<void> {
    if (this.polling) return; // Redis is slow or away: one poll at a time
    this.polling = true;
    try {
      for (const [jobId, watched] of this.jobs) {
        if (!watched.tracker.done) await this.check(jobId, watched);
      }
    } catch {
      // Redis unreachable: the next poll tries again; ioredis reconnects meanwhile.
    } finally {
      this.polling = false;
    }
  }

  private async check(jobId: string, watched: Watched): Promise<void> {
    const state = await this.queue.getJobState(jobId);
    if (state === 'unknown') {
      watched.tracker.lost(
        'Redis no longer has this task (restarted without persistence, or evicted): it is queued again',
      );
      await watched.enqueue();
      return;
    }
    if (state !== 'completed' && state !== 'failed') return;
    if (++watched.finishedPolls < 2) return;
    const job = await this.queue.getJob(jobId);
    if (!job || watched.tracker.done) return;
    if (state === 'completed') {
      const value = job.returnvalue as JobReturn;
      // Its output may still be on its way (the event stream is read behind): give it time.
      const waiting = watched.tracker.unseenUpdates(value) > 0;
      if (waiting && watched.finishedPolls < UPDATES_GRACE_POLLS) return;
      watched.tracker.settle(value.result, value);
    } else {
      const message = `the worker could not run it: ${job.failedReason}`;
      watched.tracker.unrun('failed', message);
    }
  }
}
