/**
 * Before a worker or a submitter starts: is Redis there, and will it keep our
 * jobs? An unreachable server is a clear error within `timeoutMs`, not a hang
 * on reconnects; a `maxmemory-policy` other than `noeviction` is a warning,
 * since Redis may then evict queued jobs under memory pressure.
 */
import type { Logger } from '../logging/logger.js';
import { newRedisClient } from './load-modules.js';
import { describeConnection, type RedisConnection } from './redis-url.js';

export class RedisUnreachableError extends Error {
  constructor(where: string, reason: string, timeoutMs: number) {
    super(
      `Cannot reach Redis at ${where} within ${Math.round(timeoutMs / 100) / 10} s: ${reason}. ` +
        'Start one (redis-server --port 6379) or pass the right URL (--redis / --backend redis://host:port).',
    );
    this.name = 'RedisUnreachableError';
  }
}

export interface ProbeResult {
  version: string | null;
  maxmemoryPolicy: string | null;
}

/** Connects once, without retrying; resolves with what it learned, or rejects with RedisUnreachableError. */
export async function probeRedis(
  connection: RedisConnection,
  { timeoutMs = 5000, logger }: { timeoutMs?: number; logger?: Logger } = {},
): Promise<ProbeResult> {
  const where = describeConnection(connection);
  const options = {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  };
  const client = await newRedisClient(connection, options);
  let lastError: Error | null = null;
  client.on('error', (error: Error) => (lastError = error));
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer')), timeoutMs);
    });
    await Promise.race([client.connect().then(() => client.ping()), deadline]);
  } catch (error) {
    const reason = (lastError ?? (error as Error)).message || String(error);
    client.disconnect();
    throw new RedisUnreachableError(where, reason, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
  try {
    const result = { version: await serverVersion(client), maxmemoryPolicy: await policy(client) };
    warnAboutPolicy(result.maxmemoryPolicy, where, logger);
    return result;
  } finally {
    client.disconnect();
  }
}

async function serverVersion(client: { info(section: string): Promise<string> }) {
  const info = await client.info('server').catch(() => '');
  return /redis_version:(\S+)/.exec(info)?.[1] ?? null;
}

/** The eviction policy, or null when CONFIG is not allowed (managed Redis often forbids it). */
async function policy(client: { config(...args: string[]): Promise<unknown> }) {
  const reply = await client.config('GET', 'maxmemory-policy').catch(() => null);
  return Array.isArray(reply) && typeof reply[1] === 'string' ? reply[1] : null;
}

function warnAboutPolicy(policy: string | null, where: string, logger: Logger | undefined) {
  if (policy === 'noeviction') return;
  const message =
    policy === null
      ? `Could not read maxmemory-policy of ${where} (CONFIG refused); make sure it is noeviction, or Redis may drop queued jobs`
      : `Redis at ${where} has maxmemory-policy ${policy}: under memory pressure it may evict queued jobs. Set it to noeviction (redis-cli CONFIG SET maxmemory-policy noeviction)`;
  logger?.log('WARNING', 'redis', message);
}
