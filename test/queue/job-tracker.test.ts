/**
 * The submitter's JobTracker passes each progress update of a run on once:
 * a real BullMQ worker runs the real runJob (a fixture agent writing numbered
 * lines) but sends every update twice, and its first update again at the end,
 * through a real redis-server; the submitter's BullMQExecutor sees one start,
 * one end and every line once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'bullmq';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { BullMQExecutor } from '../../src/queue/bullmq-executor.js';
import type { RunBatch } from '../../src/queue/job-protocol.js';
import { bullConnection } from '../../src/queue/redis-url.js';
import { runJob } from '../../src/queue/run-job.js';
import type { TaskEvent } from '../../src/tasks/executor.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';

const QUEUE = 'twice';
let redis: RedisServer;
let worker: Worker;
let executor: BullMQExecutor;
const dir = tempDir();
const sent: RunBatch[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  worker = new Worker(
    QUEUE,
    async (job, token) => {
      const value = await runJob({
        jobId: job.id ?? '',
        data: job.data,
        run: token ?? '',
        worker: 'twice-worker',
        logDir: join(dir.path, 'w'),
        signal: new AbortController().signal,
        logger: silentLogger,
        async sendProgress(batch) {
          sent.push(batch);
          await job.updateProgress(batch as never);
          await job.updateProgress(batch as never);
        },
      });
      // The run's first update (its start) again, late, behind the others.
      await job.updateProgress(sent[0] as never);
      return value;
    },
    { connection: bullConnection(redis.url) },
  );
  await worker.waitUntilReady();
  executor = new BullMQExecutor({ connection: redis.url, queue: QUEUE, logger: silentLogger });
});

afterAll(async () => {
  await executor?.close();
  await worker?.close();
  await redis?.stop();
  dir.cleanup();
});

test('an update delivered twice, or late, is applied once', async () => {
  const events: TaskEvent[] = [];
  const logDir = join(dir.path, 'submitter');
  const result = await executor.run(
    {
      id: 'lines',
      agent: 'command',
      command: fixture('write-numbered-lines'),
      args: ['300'],
      prompt: '',
      promptVia: 'none',
    },
    { logDir, sessionId: 'twice-session', onEvent: (event) => events.push(event) },
  );
  expect(result.status).toBe('succeeded');
  // The worker did send duplicates: each update twice, the first a third time.
  expect(sent.length).toBeGreaterThan(1);
  expect(sent[0]!.events.some((event) => event.kind === 'start')).toBe(true);
  expect(events.filter((event) => event.kind === 'start')).toHaveLength(1);
  expect(events.filter((event) => event.kind === 'end')).toHaveLength(1);
  // Each log line once, and no warning: the duplicates are not read as a gap either.
  const logs = events.flatMap((event) => (event.kind === 'log' ? [event] : []));
  expect(logs.length).toBeGreaterThan(0);
  expect(new Set(logs.map((log) => log.message)).size).toBe(logs.length);
  expect(logs.filter((log) => log.level !== 'INFO')).toEqual([]);
  const copy = readFileSync(join(logDir, 'lines.log'), 'utf8');
  const lines = copy.split('\n').filter((line) => /^line \d+$/.test(line));
  expect(lines).toEqual(Array.from({ length: 300 }, (_, i) => `line ${i + 1}`));
});
