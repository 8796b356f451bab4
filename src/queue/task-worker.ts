/**
 * TaskWorker: a BullMQ worker that takes TaskSpecs from a queue and runs them
 * on this machine. Submitters cancel a job by id over pub/sub; close() stops
 * taking jobs, lets running ones finish for `drainTimeoutMs`, then ends their
 * agents and hands the jobs back to the queue for another worker.
 */
import type { Job, Queue, Worker } from 'bullmq';
import { bullConnection, describeConnection } from './redis-url.js';
import { CancelListener } from './cancel-listener.js';
import { cancelKey } from './job-protocol.js';
import { loadBullMQ, type BullMQModule } from './load-modules.js';
import { probeRedis } from './probe-redis.js';
import { runJob } from './run-job.js';
import {
  normalizeWorkerOptions,
  type NormalizedWorkerOptions,
  type TaskWorkerOptions,
} from './worker-options.js';

const HAND_BACK = 'handed back: the worker is shutting down';

/**
 * A rate limiter no run reaches (2^52 jobs a second) that lets a submitter hold
 * the whole queue: BullMQ honours `queue.rateLimit(ms)` only in workers that
 * have a limiter (BullMQExecutor.holdStarts, on an account's rate limit).
 */
const HOLDABLE = { max: 2 ** 52, duration: 1000 };

export class TaskWorker {
  readonly options: NormalizedWorkerOptions;
  private worker: Worker | null = null;
  private counter: Queue | null = null;
  private cancels: CancelListener | null = null;
  private handBack = new AbortController();
  private closing: Promise<void> | null = null;

  constructor(options: TaskWorkerOptions) {
    this.options = normalizeWorkerOptions(options);
  }

  get name(): string {
    return this.options.name;
  }

  /** Checks Redis, then starts taking jobs; rejects with a clear error when Redis is unreachable. */
  async start(): Promise<void> {
    const { connection, queue, logger, name } = this.options;
    await probeRedis(connection, { logger });
    const bullmq = await loadBullMQ();
    const worker = this.createWorker(bullmq);
    worker.on('error', (error) => logger.log('ERROR', name, `Redis: ${error.message}`));
    worker.on('stalled', (jobId) =>
      logger.log(
        'WARNING',
        name,
        `Job ${jobId} stalled (its worker stopped renewing the lock); it runs again`,
      ),
    );
    this.worker = worker;
    this.cancels = await CancelListener.start(connection, queue, (jobId) =>
      worker.cancelJob(jobId, 'cancelled by the submitter'),
    );
    await worker.waitUntilReady();
    logger.log(
      'INFO',
      name,
      `Worker ${name} takes tasks from queue "${queue}" at ${describeConnection(connection)} (concurrency ${this.options.concurrency}, logs in ${this.options.logDir})`,
    );
  }

  /** Stops taking jobs; running ones get `drainTimeoutMs` to finish, then go back to the queue. */
  close(): Promise<void> {
    this.closing ??= this.drain();
    return this.closing;
  }

  /** Tasks waiting in the queue for a worker (for the queued-tasks metric). */
  async queuedCount(): Promise<number> {
    if (!this.worker) return 0;
    const { Queue } = await loadBullMQ();
    this.counter ??= new Queue(this.options.queue, {
      connection: bullConnection(this.options.connection),
    });
    return this.counter.getWaitingCount();
  }

  /** Ends running agents at once and hands their jobs back (a second SIGTERM). */
  handBackNow(): void {
    this.handBack.abort(HAND_BACK);
  }

  private async drain(): Promise<void> {
    const { logger, name, drainTimeoutMs } = this.options;
    const worker = this.worker;
    if (!worker) return;
    logger.log('INFO', name, `Shutting down: no new tasks; running ones have ${drainTimeoutMs} ms`);
    const timer = setTimeout(() => this.handBack.abort(HAND_BACK), drainTimeoutMs);
    try {
      await worker.close();
    } finally {
      clearTimeout(timer);
      await this.cancels?.close();
      await this.counter?.close();
    }
    logger.log('INFO', name, 'Stopped');
  }

  private createWorker(bullmq: BullMQModule): Worker {
    const { queue, concurrency, lockDurationMs, stalledIntervalMs, maxStalledCount, name } =
      this.options;
    return new bullmq.Worker(
      queue,
      (job: Job, token: string | undefined, signal: AbortSignal | undefined) =>
        this.process(bullmq, job, token ?? '', signal),
      {
        connection: bullConnection(this.options.connection),
        concurrency,
        lockDuration: lockDurationMs,
        stalledInterval: stalledIntervalMs,
        maxStalledCount,
        limiter: HOLDABLE,
        name,
        autorun: true,
      },
    );
  }

  private async process(bullmq: BullMQModule, job: Job, token: string, signal?: AbortSignal) {
    const jobId = job.id ?? '';
    // Taken as the shutdown began (BullMQ can fetch one job while close() starts):
    // it goes back to the queue unrun, for another worker.
    if (this.closing) return this.giveBack(bullmq, job, token, 'the worker was shutting down');
    const abort = new AbortController();
    const forward = (source: AbortSignal) => {
      if (source.aborted) abort.abort(source.reason);
      else source.addEventListener('abort', () => abort.abort(source.reason), { once: true });
    };
    if (signal) forward(signal);
    forward(this.handBack.signal);
    if (await this.cancelledBefore(jobId)) abort.abort('cancelled by the submitter');
    const output = await runJob({
      jobId,
      data: job.data,
      run: token,
      worker: this.options.name,
      logDir: this.options.logDir,
      signal: abort.signal,
      logger: this.options.logger,
      metrics: this.options.metrics,
      sendProgress: (batch) => job.updateProgress(batch as never),
    });
    if (this.handBack.signal.aborted && abort.signal.reason === HAND_BACK)
      return this.giveBack(bullmq, job, token, 'the worker shut down');
    return output;
  }

  private async giveBack(bullmq: BullMQModule, job: Job, token: string, why: string) {
    await job.moveToWait(token);
    this.options.logger.log('WARNING', job.id ?? '', `Handed back to the queue: ${why}`);
    throw new bullmq.WaitingError();
  }

  private async cancelledBefore(jobId: string): Promise<boolean> {
    return (await this.cancels?.isMarked(cancelKey(this.options.queue, jobId))) ?? false;
  }
}
