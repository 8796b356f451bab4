/**
 * The Redis backend's packages, loaded on first use: `bullmq` and `ioredis`
 * are optional peers, so the published package stays light for the many who
 * run agents on one machine. A missing one is an error that says what to install.
 */
import type * as BullMQ from 'bullmq';
import type { Redis, RedisOptions } from 'ioredis';
import { isMissing, MissingPackageError } from './missing-package.js';
import type { RedisConnection } from './redis-url.js';

export type BullMQModule = typeof BullMQ;
export type RedisClient = Redis;

async function load<T>(name: string, importer: () => Promise<T>): Promise<T> {
  try {
    return await importer();
  } catch (error) {
    if (isMissing(error, name)) throw new MissingPackageError(name, error);
    throw error;
  }
}

export function loadBullMQ(): Promise<BullMQModule> {
  return load('bullmq', () => import('bullmq'));
}

/** A new ioredis client for `connection`, with `options` on top. */
export async function newRedisClient(
  connection: RedisConnection,
  options: RedisOptions,
): Promise<RedisClient> {
  const { Redis } = await load('ioredis', () => import('ioredis'));
  return typeof connection === 'string'
    ? new Redis(connection, options)
    : new Redis({ ...connection, ...options });
}
