/**
 * A worker's ear for cancellations: submitters publish a job id on the
 * queue's cancel channel (and set a marker key, for a job no worker runs yet).
 * The subscription survives Redis restarts (ioredis subscribes again).
 */
import { cancelChannel } from './job-protocol.js';
import { newRedisClient, type RedisClient } from './load-modules.js';
import type { RedisConnection } from './redis-url.js';

export class CancelListener {
  private constructor(
    private readonly subscriber: RedisClient,
    private readonly reader: RedisClient,
  ) {}

  static async start(
    connection: RedisConnection,
    queue: string,
    cancel: (jobId: string) => void,
  ): Promise<CancelListener> {
    const subscriber = await newRedisClient(connection, { maxRetriesPerRequest: null });
    const reader = await newRedisClient(connection, { maxRetriesPerRequest: null });
    for (const client of [subscriber, reader]) client.on('error', () => undefined);
    subscriber.on('message', (_channel: string, jobId: string) => cancel(jobId));
    await subscriber.subscribe(cancelChannel(queue));
    return new CancelListener(subscriber, reader);
  }

  async isMarked(key: string): Promise<boolean> {
    return (await this.reader.exists(key)) === 1;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.subscriber.quit(), this.reader.quit()]);
  }
}
