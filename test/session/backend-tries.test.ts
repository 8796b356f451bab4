/**
 * A session's tries on a queue backend, with a real redis-server, a real
 * `orchestrate worker` and the real claude against the mock model: a retry
 * the budget refuses is recorded as skipped, a task keeps its ORCHESTRATE_SEQ
 * on every try, and a backend that rejects still leaves the try's end.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOf, OrchestrateEvent } from '../../src/events/types.js';
import { silentLogger } from '../../src/logging/logger.js';
import { BullMQExecutor } from '../../src/queue/bullmq-executor.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import type { OrchestratorSessionOptions } from '../../src/session/options.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import type { TaskSpec } from '../../src/tasks/task-spec.js';
import { tempDir } from '../helpers/fixtures.js';
import { withMockClaude, type MockClaude } from '../helpers/mock-claude.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { startWorker, type WorkerProcess } from '../helpers/worker-process.js';
import { eventsFile } from './support.js';

let redis: RedisServer;
let worker: WorkerProcess;
let mock: MockClaude;
const dir = tempDir();
const executors: BullMQExecutor[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  worker = await startWorker(['--redis', redis.url, '-c', '2', '--log-dir', join(dir.path, 'w')]);
  mock = await withMockClaude({});
});

afterAll(async () => {
  await Promise.all(executors.map((executor) => executor.close()));
  await worker?.stop();
  await redis?.stop();
  await mock?.cleanup();
  dir.cleanup();
});

function backendSession(
  queue: string | undefined,
  extra: Partial<OrchestratorSessionOptions>,
  connection = redis.url,
) {
  const backend = new BullMQExecutor({ connection, queue, logger: silentLogger });
  executors.push(backend);
  const session = new OrchestratorSession({
    patternName: 'backend-tries',
    baseLogDir: join(dir.path, 'sessions'),
    workingDir: mock.cwd,
    logger: silentLogger,
    backend,
    processDefaults: { env: mock.env },
    ...extra,
  });
  return session;
}

const shell = (id: string, script: string, args: string[] = []): TaskSpec => ({
  id,
  agent: 'command',
  command: '/bin/sh',
  args: ['-c', script, 'sh', ...args],
  prompt: '',
  promptVia: 'none',
});

const ofKind = <K extends OrchestrateEvent['kind']>(events: OrchestrateEvent[], kind: K) =>
  events.filter((e): e is EventOf<K> => e.kind === kind);

const always = { attempts: 2, minDelayMs: 0, maxDelayMs: 0, shouldRetry: () => true };

describe('tries on a queue backend', () => {
  it('records a retry the spent budget refuses as skipped, naming the budget', async () => {
    const session = backendSession(undefined, { budget: { maxCostUsd: 0.001 } });
    const go = join(dir.path, 'go');
    // The failing task's first try runs until the claude task has spent the budget.
    session.on('event', (event) => {
      if (event.kind === 'process-end' && event.processId === 'costly') writeFileSync(go, '');
    });
    const costly: TaskSpec = {
      id: 'costly',
      agent: 'claude',
      command: mock.claudeBin,
      cwd: mock.cwd,
      prompt: 'Hi',
    };
    const waits = shell('waits', 'while [ ! -e "$1" ]; do sleep 0.1; done; exit 1', [go]);
    const results = await runParallel([costly, waits], {
      executor: session.executor,
      gate: session.gate,
      retry: always,
    });
    const summary = await session.close();

    const waited = results.find((result) => result.processId === 'waits')!;
    expect(waited.status).toBe('skipped');
    expect(waited.message).toMatch(/^skipped: the session budget of \$0\.0010 is spent/);
    const ends = ofKind(eventsFile(session.sessionDir), 'process-end').filter(
      (end) => end.processId === 'waits',
    );
    expect(ends.map((end) => [end.attempt, end.status])).toEqual([
      [1, 'failed'],
      [2, 'skipped'],
    ]);
    expect(summary.totals).toMatchObject({ skipped: 1 });
  });

  it('tells a remote claude the per-process budget, and it stops itself as a local one does', async () => {
    const session = backendSession(undefined, { budget: { maxCostPerProcessUsd: 0.01 } });
    const spend: TaskSpec = {
      id: 'spend',
      agent: 'claude',
      command: mock.claudeBin,
      cwd: mock.cwd,
      prompt: 'Spend',
    };
    const [result] = await runParallel([spend], {
      executor: session.executor,
      gate: session.gate,
    });
    await session.close();

    const start = ofKind(eventsFile(session.sessionDir), 'process-start')[0]!;
    expect(start.args.join(' ')).toContain('--max-budget-usd 0.01');
    expect(result!.status).toBe('failed');
    // The agent's own words, not the session's (which would end it from outside).
    expect(result!.message).toMatch(
      /the agent reported an error \(error_max_budget_usd\): Reached maximum budget \(\$0\.01\)/,
    );
  });

  it('gives a task the same ORCHESTRATE_SEQ on every try', async () => {
    const session = backendSession(undefined, {});
    const seqs = join(dir.path, 'seqs');
    const once = join(dir.path, 'failed-once');
    const first = shell('first', 'echo first');
    const again = shell(
      'again',
      'echo "$ORCHESTRATE_SEQ" >> "$1"; [ -e "$2" ] && exit 0; : > "$2"; exit 1',
      [seqs, once],
    );
    const results = await runParallel([first, again], {
      executor: session.executor,
      maxWorkers: 1,
      retry: always,
    });
    await session.close();

    expect(results.map((result) => result.status)).toEqual(['succeeded', 'succeeded']);
    expect(readFileSync(seqs, 'utf8')).toBe('2\n2\n');
  });

  it('records the end of a try the backend rejects, as failed with its reason', async () => {
    // Nothing listens on port 1: the backend cannot reach its Redis.
    const session = backendSession(undefined, {}, 'redis://127.0.0.1:1');
    const [result] = await runParallel([shell('refused', 'echo never')], {
      executor: session.executor,
    });
    await session.close();

    expect(result!.status).toBe('failed');
    expect(result!.message).toMatch(/^the backend could not run it: .*127\.0\.0\.1:1/);
    const ends = ofKind(eventsFile(session.sessionDir), 'process-end');
    expect(ends.map((end) => [end.processId, end.status])).toEqual([['refused', 'failed']]);
  });
});
