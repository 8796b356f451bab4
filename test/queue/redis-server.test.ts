import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';

let redis: RedisServer;

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  await redis?.stop();
});

test('the test redis-server answers on its port and comes back empty on the same port after a restart', async () => {
  const client = new Redis(redis.url, { maxRetriesPerRequest: null });
  try {
    await client.set('kept', 'no');
    expect(await client.get('kept')).toBe('no');
    const before = redis.pid;
    await redis.restart({ hard: true });
    expect(redis.pid).not.toBe(before);
    // The same client reconnects by itself; the data is gone (no persistence).
    expect(await client.get('kept')).toBeNull();
    expect(await client.config('GET', 'save')).toEqual(['save', '']);
  } finally {
    client.disconnect();
  }
});
