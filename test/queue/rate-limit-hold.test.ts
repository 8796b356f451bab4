/**
 * One account's rate limit across machines: a session whose tasks run on two
 * real `orchestrate worker`s (the real claude against the mock account) pauses
 * at the limit, and the pause holds the whole queue in Redis, so a task another
 * submitter sends meanwhile starts only once the limit has reset. (Tries a
 * worker took before the pause reached Redis may still start: the queue is
 * held from then on, not from the rejected call.)
 */
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOf, OrchestrateEvent } from '../../src/events/types.js';
import { silentLogger } from '../../src/logging/logger.js';
import { BullMQExecutor } from '../../src/queue/bullmq-executor.js';
import { bullConnection } from '../../src/queue/redis-url.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import type { TaskEvent } from '../../src/tasks/executor.js';
import type { TaskSpec } from '../../src/tasks/task-spec.js';
import { tempDir } from '../helpers/fixtures.js';
import { withMockClaude, type MockClaude } from '../helpers/mock-claude.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { startWorker, type WorkerProcess } from '../helpers/worker-process.js';

let redis: RedisServer;
let mock: MockClaude;
const workers: WorkerProcess[] = [];
const executors: BullMQExecutor[] = [];
const dir = tempDir();

beforeAll(async () => {
  redis = await startRedisServer();
  const args = ['--redis', redis.url, '-c', '2', '--log-dir', join(dir.path, 'w')];
  workers.push(...(await Promise.all([startWorker(args), startWorker(args)])));
  // A window long enough that the four first calls fall in it and the refusal reaches the
  // submitter before it resets, even when claude takes 10-20 s to start on a busy machine.
  mock = await withMockClaude(
    { account: { requests: 3, windowMs: 20_000 } },
    { auth: 'subscription' },
  );
});

afterAll(async () => {
  await Promise.all(executors.map((executor) => executor.close()));
  await Promise.all(workers.map((worker) => worker.stop()));
  await redis?.stop();
  await mock?.cleanup();
  dir.cleanup();
});

function submitter(): BullMQExecutor {
  const executor = new BullMQExecutor({ connection: redis.url, logger: silentLogger });
  executors.push(executor);
  return executor;
}

const ofKind = <K extends OrchestrateEvent['kind']>(events: OrchestrateEvent[], kind: K) =>
  events.filter((e): e is EventOf<K> => e.kind === kind);

/** Polls `check` every 20 ms; throws naming `what` after 60 s. */
async function waitUntil(what: string, check: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 60_000; !(await check());) {
    if (Date.now() > deadline) throw new Error(`No ${what} within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a rate-limit pause on a queue backend', () => {
  it("holds every worker's starts until the account's limit resets", async () => {
    const session = new OrchestratorSession({
      patternName: 'held',
      baseLogDir: join(dir.path, 'sessions'),
      workingDir: mock.cwd,
      logger: silentLogger,
      backend: submitter(),
      // A burst at once (no slow start): one of them is refused.
      admission: { jitterMs: 200, slowStart: false },
      processDefaults: { env: mock.env },
    });
    const events: OrchestrateEvent[] = [];
    session.on('event', (event) => events.push(event));
    // Another machine's task, sent once the pause holds the queue in Redis.
    const other = submitter();
    const held = new Queue('orchestrate', { connection: bullConnection(redis.url) });
    const otherRun = (async () => {
      await waitUntil('the pause', async () =>
        events.some((e) => e.kind === 'limit' && e.action === 'pause'),
      );
      await waitUntil('the hold in Redis', async () => (await held.getRateLimitTtl(1)) > 0);
      const seen: TaskEvent[] = [];
      const spec: TaskSpec = {
        id: 'other',
        agent: 'command',
        command: '/bin/true',
        prompt: '',
        promptVia: 'none',
      };
      await other.run(spec, { logDir: dir.path, onEvent: (e) => seen.push(e) });
      return seen;
    })();
    const specs: TaskSpec[] = [1, 2, 3, 4, 5, 6].map((n) => ({
      id: `task-${n}`,
      agent: 'claude',
      command: mock.claudeBin,
      cwd: mock.cwd,
      prompt: `task ${n}`,
    }));
    const results = await runParallel(specs, { executor: session.executor, gate: session.gate });
    const summary = await session.close();

    expect(results.map((r) => r.status)).toEqual(Array(6).fill('succeeded'));
    expect(mock.model.account!.rejected).toBeGreaterThanOrEqual(1);
    const pause = ofKind(events, 'limit').find((e) => e.action === 'pause')!;
    expect(pause.message).toMatch(/^paused until \d\d:\d\d \(five_hour limit\)$/);
    expect(ofKind(events, 'retry').every((r) => r.rateLimited === true)).toBe(true);
    expect(summary.totals).toMatchObject({ succeeded: 6, retries: 0 });
    // The other submitter's session knows nothing of the limit: the queue held its task.
    const until = Date.parse(pause.until!);
    const otherStart = (await otherRun).find((e) => e.kind === 'start');
    await held.close();
    expect(otherStart?.kind === 'start' && otherStart.info.startedAt.getTime()).toBeGreaterThan(
      until - 1000,
    );
  });
});
