/**
 * The setup the CLI's queue tests share: for the whole test file, a real
 * redis-server, one real `orchestrate worker` on it (`concurrency` tasks at
 * once, its logs under `<dir>/w`) and a temporary folder; stopped and removed
 * after the file's tests. Read its parts inside the tests.
 */
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from './fixtures.js';
import { startRedisServer, type RedisServer } from './redis-server.js';
import { startWorker, type WorkerProcess } from './worker-process.js';

export interface QueueFixture {
  readonly redis: RedisServer;
  readonly worker: WorkerProcess;
  /** The temporary folder of the test file. */
  readonly dir: string;
}

export function useQueueFixture(concurrency: number): QueueFixture {
  const dir = tempDir();
  let redis: RedisServer | undefined;
  let worker: WorkerProcess | undefined;
  beforeAll(async () => {
    redis = await startRedisServer();
    const logs = join(dir.path, 'w');
    worker = await startWorker([
      '--redis',
      redis.url,
      '-c',
      String(concurrency),
      '--log-dir',
      logs,
    ]);
  });
  afterAll(async () => {
    await worker?.stop();
    await redis?.stop();
    dir.cleanup();
  });
  return {
    get redis() {
      if (!redis) throw new Error('The queue fixture is used before its beforeAll ran');
      return redis;
    },
    get worker() {
      if (!worker) throw new Error('The queue fixture is used before its beforeAll ran');
      return worker;
    },
    dir: dir.path,
  };
}
