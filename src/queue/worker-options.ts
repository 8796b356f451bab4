/**
 * TaskWorker options, normalized once: defaults, then checks whose messages
 * name the option, the value and what is accepted.
 */
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { consoleLogger, type Logger } from '../logging/logger.js';
import type { TaskMetrics } from '../metrics/task-metrics.js';
import { describeValue } from '../process/validate.js';
import { DEFAULT_QUEUE } from './job-protocol.js';
import { normalizeConnection, type RedisConnection } from './redis-url.js';

export interface TaskWorkerOptions {
  /** Redis: a URL such as `redis://127.0.0.1:6379`, or ioredis options. */
  connection: RedisConnection;
  /** The queue to take tasks from (default `orchestrate`). */
  queue?: string;
  /** Tasks run at once by this worker (default 1). */
  concurrency?: number;
  /** Where the tasks' logs go: `<logDir>/<sessionId>/<processId>.log` (default `./orchestrate-worker-logs`). */
  logDir?: string;
  /** On close(): how long running tasks may take to finish before they are handed back (default 30 s). */
  drainTimeoutMs?: number;
  /** How long a job's lock lasts without renewal; a worker dead this long loses its jobs (default 30 s). */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs (default 30 s). */
  stalledIntervalMs?: number;
  /** How many times a job may be recovered from a dead worker before it fails (default 2). */
  maxStalledCount?: number;
  /** This worker's name in jobs and messages (default `<host>:<pid>`). */
  name?: string;
  /** Where the worker's own lines go (default stderr). */
  logger?: Logger;
  /** Counts the tasks this worker runs (see `--metrics-port`). */
  metrics?: TaskMetrics;
}

export type NormalizedWorkerOptions = Required<Omit<TaskWorkerOptions, 'metrics'>> &
  Pick<TaskWorkerOptions, 'metrics'>;

export function normalizeWorkerOptions(options: TaskWorkerOptions): NormalizedWorkerOptions {
  return {
    connection: normalizeConnection('connection', options.connection),
    queue: queueName(options.queue),
    concurrency: positive('concurrency', options.concurrency ?? 1),
    logDir: resolve(options.logDir ?? 'orchestrate-worker-logs'),
    drainTimeoutMs: nonNegative('drainTimeoutMs', options.drainTimeoutMs ?? 30_000),
    lockDurationMs: positive('lockDurationMs', options.lockDurationMs ?? 30_000),
    stalledIntervalMs: positive('stalledIntervalMs', options.stalledIntervalMs ?? 30_000),
    maxStalledCount: nonNegative('maxStalledCount', options.maxStalledCount ?? 2),
    name: options.name ?? `${hostname()}:${process.pid}`,
    logger: options.logger ?? consoleLogger,
    metrics: options.metrics,
  };
}

/** The `queue` option of a worker or a BullMQExecutor: a name BullMQ keys in Redis with. */
export function queueName(value: unknown): string {
  const queue = value ?? DEFAULT_QUEUE;
  if (typeof queue !== 'string' || !/^[\w.-]+$/.test(queue)) {
    throw new TypeError(
      `Expected \`queue\` to be a name of letters, digits, dots, dashes or underscores, such as "${DEFAULT_QUEUE}", got ${describeValue(queue)}`,
    );
  }
  return queue;
}

function positive(name: string, value: unknown): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    throw new TypeError(
      `Expected \`${name}\` to be a positive integer, got ${describeValue(value)}`,
    );
  }
  return value as number;
}

function nonNegative(name: string, value: unknown): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw new TypeError(
      `Expected \`${name}\` to be a non-negative integer, got ${describeValue(value)}`,
    );
  }
  return value as number;
}
