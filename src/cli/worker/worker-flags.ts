/** The worker command's flags, checked once; every error names the flag, the value and the fix. */
import type { TaskWorkerOptions } from '../../queue/worker-options.js';
import { REDIS_URL_ACCEPTED, normalizeConnection } from '../../queue/redis-url.js';
import type { WorkerCommandFlags } from '../commands/worker-command.js';
import { badFlag, usageError } from '../errors.js';
import { durationFlag } from '../options/duration.js';
import { positiveIntegerFlag } from '../options/integers.js';

export function workerOptions(flags: WorkerCommandFlags): TaskWorkerOptions {
  if (flags.redis === undefined) {
    throw usageError(
      '--redis is required: the Redis to take tasks from, e.g. --redis redis://127.0.0.1:6379',
      'worker',
    );
  }
  try {
    normalizeConnection('--redis', flags.redis);
  } catch {
    throw badFlag('--redis', flags.redis, REDIS_URL_ACCEPTED, 'worker');
  }
  if (flags.queue !== undefined && !/^[\w.-]+$/.test(flags.queue)) {
    throw badFlag(
      '--queue',
      flags.queue,
      'a name of letters, digits, dots, dashes or underscores',
      'worker',
    );
  }
  const duration = (flag: string, value: string | undefined) =>
    value === undefined ? undefined : durationFlag(flag, value, 'worker');
  return {
    connection: flags.redis,
    queue: flags.queue,
    concurrency:
      flags.concurrency === undefined
        ? undefined
        : positiveIntegerFlag('--concurrency', flags.concurrency, 'worker'),
    logDir: flags.logDir,
    drainTimeoutMs: duration('--drain-timeout', flags.drainTimeout),
    lockDurationMs: duration('--lock-duration', flags.lockDuration),
    stalledIntervalMs: duration('--stalled-interval', flags.stalledInterval),
  };
}
