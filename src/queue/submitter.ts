/**
 * The submitter's connections, opened once per executor: the BullMQ queue to
 * add jobs to, the queue's event stream (read from its current end, so no
 * event after the first add is missed), and a client to publish cancellations.
 */
import type { Queue, QueueEvents } from 'bullmq';
import type { Logger } from '../logging/logger.js';
import { loadBullMQ, newRedisClient, type RedisClient } from './load-modules.js';
import { probeRedis } from './probe-redis.js';
import { bullConnection, type RedisConnection } from './redis-url.js';

export interface Submitter {
  queue: Queue;
  events: QueueEvents;
  client: RedisClient;
  close(): Promise<void>;
}

export async function openSubmitter(
  connection: RedisConnection,
  queueName: string,
  logger: Logger,
): Promise<Submitter> {
  await probeRedis(connection, { logger });
  const { Queue, QueueEvents } = await loadBullMQ();
  const client = await newRedisClient(connection, { maxRetriesPerRequest: null });
  client.on('error', () => undefined);
  const queue = new Queue(queueName, { connection: bullConnection(connection) });
  queue.on('error', (error) => logger.log('ERROR', 'redis', `Queue: ${error.message}`));
  const tail = await client.xrevrange(`bull:${queueName}:events`, '+', '-', 'COUNT', 1);
  const events = new QueueEvents(queueName, {
    connection: bullConnection(connection),
    lastEventId: tail[0]?.[0] ?? '0-0',
  });
  events.on('error', (error) => logger.log('ERROR', 'redis', `Queue events: ${error.message}`));
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady()]);
  return {
    queue,
    events,
    client,
    async close() {
      await Promise.allSettled([queue.close(), events.close(), client.quit()]);
    },
  };
}
