/**
 * BullMQExecutor: the executor seam's second implementation. Each try of a
 * spec becomes a BullMQ job (its id from the session, the process and the
 * try, so a retry or a resume never enqueues it twice); a worker anywhere runs
 * it, and its events come back to `onEvent` as from the local executor.
 */
import { randomUUID } from 'node:crypto';
import { consoleLogger, type Logger } from '../logging/logger.js';
import type { ProcessResult } from '../process/result.js';
import type { ExecuteOptions, Executor } from '../tasks/executor.js';
import { parseTaskSpec } from '../tasks/parse-task-spec.js';
import type { TaskSpec } from '../tasks/task-spec.js';
import { JobTracker } from './job-tracker.js';
import {
  cancelChannel,
  cancelKey,
  envToWire,
  jobIdFor,
  type JobData,
  type JobReturn,
} from './job-protocol.js';
import { JobWatch } from './job-watch.js';
import { normalizeConnection, type RedisConnection } from './redis-url.js';
import { openSubmitter, type Submitter } from './submitter.js';
import { RemoteLog } from './remote-log.js';
import { queueName } from './worker-options.js';
import { queuedTask } from './unrun-result.js';

export interface BullMQExecutorOptions {
  /** Redis: a URL such as `redis://127.0.0.1:6379`, or ioredis options. */
  connection: RedisConnection;
  /** The queue workers take tasks from (default `orchestrate`). */
  queue?: string;
  /** Names this run's jobs, `<sessionId>/<processId>/<try>`: pass the session's id to resume it (default: a random id). */
  sessionId?: string;
  /** How often running jobs are checked in Redis, besides its events (default 1000 ms). */
  pollIntervalMs?: number;
  /** Where the executor's own lines go (Redis errors, warnings); default stderr. */
  logger?: Logger;
}

/** Keep finished jobs a day, so a resumed session finds its results instead of running them again. */
const KEEP = { age: 24 * 3600 };

export class BullMQExecutor implements Executor {
  readonly queueName: string;
  readonly sessionId: string;
  private readonly connection: RedisConnection;
  private readonly logger: Logger;
  private readonly trackers = new Map<string, JobTracker>();
  private submitter: Promise<Submitter> | null = null;
  private watch: JobWatch | null = null;

  constructor(private readonly options: BullMQExecutorOptions) {
    this.connection = normalizeConnection('connection', options.connection);
    this.queueName = queueName(options.queue);
    this.sessionId = options.sessionId ?? randomUUID();
    this.logger = options.logger ?? consoleLogger;
  }

  async run(spec: TaskSpec, options: ExecuteOptions): Promise<ProcessResult> {
    const checked = parseTaskSpec(spec);
    const processId = options.processId ?? checked.id;
    const attempt = options.attempt ?? 1;
    const sessionId = options.sessionId ?? this.sessionId;
    const jobId = jobIdFor(sessionId, processId, attempt);
    if (this.trackers.has(jobId)) {
      throw new Error(`Task ${processId} (try ${attempt}) is already running on this executor`);
    }
    const { queue } = await this.connect();
    const copy = new RemoteLog(
      checked,
      processId,
      attempt,
      options.logDir,
      options.streamOutput ? (options.console ?? process.stdout) : null,
    );
    const tracker = new JobTracker(
      jobId,
      checked.id,
      queuedTask(checked, processId),
      options.onEvent,
      copy,
    );
    if (options.signal?.aborted)
      return tracker.unrun('cancelled', 'cancelled before it was queued');
    this.trackers.set(jobId, tracker);
    const data: JobData = {
      spec: checked,
      sessionId,
      processId,
      attempt,
      env: envToWire(options.env),
    };
    const enqueue = () =>
      queue.add('task', data, { jobId, attempts: 1, removeOnComplete: KEEP, removeOnFail: KEEP });
    const onAbort = () => void this.cancel(jobId, tracker);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await enqueue();
      this.watch!.add(jobId, tracker, enqueue);
      const result = await tracker.result;
      // The result names the worker's log, the original; the copy is `<logDir>/<id>.log` here.
      await copy.close(result);
      return result;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      this.watch!.remove(jobId);
      this.trackers.delete(jobId);
    }
  }

  /**
   * Holds every worker of the queue (on any machine) until `until`: BullMQ's
   * queue-wide rate limit, which expires by itself, so a submitter that dies
   * cannot leave the queue paused. Running tasks go on.
   */
  async holdStarts(until: Date): Promise<void> {
    const ms = until.getTime() - Date.now();
    if (ms <= 0) return;
    const { queue } = await this.connect();
    // A longer hold (another session's, say) stands.
    if ((await queue.getRateLimitTtl(1)) >= ms) return;
    await queue.rateLimit(ms);
  }

  /** Connects now (a clear error within seconds when Redis cannot be reached) instead of on the first run. */
  async ready(): Promise<void> {
    await this.connect();
  }

  /** Closes the connections; tasks still running on workers go on. */
  async close(): Promise<void> {
    this.watch?.stop();
    if (this.submitter) await (await this.submitter.catch(() => null))?.close();
    this.submitter = null;
  }

  private connect(): Promise<Submitter> {
    this.submitter ??= openSubmitter(this.connection, this.queueName, this.logger).then(
      (submitter) => {
        this.listen(submitter);
        this.watch = new JobWatch(submitter.queue, this.options.pollIntervalMs ?? 1000);
        return submitter;
      },
      (error: unknown) => {
        this.submitter = null; // the next run tries again
        throw error;
      },
    );
    return this.submitter;
  }

  private listen({ events }: Submitter): void {
    const tracked = (jobId: string) => this.trackers.get(jobId);
    events.on('progress', ({ jobId, data }) => tracked(jobId)?.progress(data as never));
    events.on('completed', ({ jobId, returnvalue }) => {
      const value = returnvalue as unknown as JobReturn;
      tracked(jobId)?.settle(value.result, value);
    });
    events.on('failed', ({ jobId, failedReason }) => {
      const tracker = tracked(jobId);
      if (!tracker) return;
      tracker.unrun('failed', `the worker could not run it: ${failedReason}`);
    });
    events.on('stalled', ({ jobId }) =>
      tracked(jobId)?.lost(
        'Its worker stopped renewing the lock (dead or cut off from Redis): the task runs again on another worker',
      ),
    );
  }

  private async cancel(jobId: string, tracker: JobTracker): Promise<void> {
    const { queue, client } = await this.connect();
    // Not taken by a worker yet: removing it is the whole cancellation.
    if ((await queue.remove(jobId).catch(() => 0)) === 1) {
      tracker.unrun('cancelled', 'cancelled before a worker took it');
      return;
    }
    await client.set(cancelKey(this.queueName, jobId), '1', 'EX', 24 * 3600);
    await client.publish(cancelChannel(this.queueName), jobId);
  }
}
