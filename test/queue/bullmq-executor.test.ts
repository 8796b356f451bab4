/**
 * BullMQExecutor against a real redis-server and a real `orchestrate worker`
 * process: the same events and result as a local run, one run per job id,
 * cancellation from the submitter, retries through runTask, the real claude
 * binary against the mock model.
 */
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import type { OrchestrateEvent } from '../../src/events/types.js';
import { BullMQExecutor } from '../../src/queue/bullmq-executor.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import type { TaskEvent } from '../../src/tasks/executor.js';
import { localExecutor } from '../../src/tasks/local-executor.js';
import { runTask } from '../../src/tasks/run-task.js';
import type { TaskSpec } from '../../src/tasks/task-spec.js';
import { fixture, pidAlive, tempDir } from '../helpers/fixtures.js';
import { withMockClaude } from '../helpers/mock-claude.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { startWorker, type WorkerProcess } from '../helpers/worker-process.js';

let redis: RedisServer;
let worker: WorkerProcess;
const dir = tempDir();
const executors: BullMQExecutor[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  worker = await startWorker(['--redis', redis.url, '-c', '2', '--log-dir', join(dir.path, 'w')]);
});

afterAll(async () => {
  await Promise.all(executors.map((executor) => executor.close()));
  await worker?.stop();
  await redis?.stop();
  dir.cleanup();
});

function executor(options: { sessionId?: string; queue?: string } = {}): BullMQExecutor {
  const made = new BullMQExecutor({ connection: redis.url, logger: silentLogger, ...options });
  executors.push(made);
  return made;
}

function command(id: string, name: string, args: string[] = []): TaskSpec {
  return { id, agent: 'command', command: fixture(name), args, prompt: '', promptVia: 'none' };
}

/** What a reader of the event stream sees, without the parts that differ between two runs. */
function shape(events: TaskEvent[]) {
  return events.map((event) =>
    event.kind === 'start'
      ? { kind: 'start', command: event.info.command, args: event.info.args }
      : event.kind === 'end'
        ? { kind: 'end', status: event.result.status, output: event.result.output }
        : event.kind === 'log'
          ? { kind: 'log', level: event.level, message: event.message.replace(/[\d.]+ m?s/, 'T') }
          : event,
  );
}

describe('BullMQExecutor', () => {
  it('refuses a queue name Redis keys cannot hold, naming the value and what is accepted', async () => {
    const make = (queue: unknown) => () =>
      new BullMQExecutor({ connection: redis.url, queue: queue as string, logger: silentLogger });
    expect(make('my queue')).toThrow(
      'Expected `queue` to be a name of letters, digits, dots, dashes or underscores, such as "orchestrate", got `"my queue"` (string)',
    );
    expect(make('a:b')).toThrow('got `"a:b"`');
    expect(make(7)).toThrow('got `7` (number)');
    const named = make('nightly.reviews-2')();
    expect(named.queueName).toBe('nightly.reviews-2');
    await named.close();
  });

  it('gives the same events and result through a worker as a local run', async () => {
    const spec = command('same', 'print-argv', ['a b', 'c']);
    const local: TaskEvent[] = [];
    const remote: TaskEvent[] = [];
    const expected = await localExecutor.run(spec, {
      logDir: join(dir.path, 'local'),
      logger: silentLogger,
      onEvent: (event) => local.push(event),
    });
    const result = await executor().run(spec, {
      logDir: join(dir.path, 'unused'),
      onEvent: (event) => remote.push(event),
    });
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe(expected.output);
    expect(shape(remote)).toEqual(shape(local));
    expect(remote.find((event) => event.kind === 'start')).toMatchObject({
      info: { startedAt: expect.any(Date) },
    });
  });

  it('runs the real claude binary on a worker against the mock model', async () => {
    const mock = await withMockClaude({}, { maxRetries: 0 });
    try {
      const events: TaskEvent[] = [];
      const result = await executor().run(
        {
          id: 'claude-1',
          agent: 'claude',
          prompt: 'Say hello',
          command: mock.claudeBin,
          cwd: mock.cwd,
          env: mock.env as Record<string, string>,
        },
        { logDir: mock.cwd, onEvent: (event) => events.push(event) },
      );
      expect(result.status).toBe('succeeded');
      expect(result.sessionId).not.toBeNull();
      expect(result.usage?.outputTokens).toBeGreaterThan(0);
      expect(events.filter((event) => event.kind === 'agent-event').length).toBeGreaterThan(0);
    } finally {
      await mock.cleanup();
    }
  });

  it('runs a task once when the same session submits it twice, and gives both callers its result', async () => {
    const file = join(dir.path, 'once.txt');
    const spec = command('once', 'append-line-to-file', [file, 'ran']);
    const sessionId = 'twice-submitted';
    const [first, second] = await Promise.all([
      executor({ sessionId }).run(spec, { logDir: dir.path }),
      executor({ sessionId }).run(spec, { logDir: dir.path }),
    ]);
    expect(first.status).toBe('succeeded');
    expect(second).toEqual(first);
    // Resumed later under the same id: the kept result, not another run.
    const again = await executor({ sessionId }).run(spec, { logDir: dir.path });
    expect(again).toEqual(first);
    expect(readFileSync(file, 'utf8')).toBe('ran\n');
  });

  it('retries a task through runTask as a new job for each try', async () => {
    const mock = await withMockClaude(
      { rules: [{ turns: [{ error: { status: 529 }, times: 1 }, { text: 'Fine now.' }] }] },
      { maxRetries: 0 },
    );
    try {
      const events: TaskEvent[] = [];
      const result = await runTask(
        {
          id: 'busy',
          agent: 'claude',
          prompt: 'A busy day',
          command: mock.claudeBin,
          cwd: mock.cwd,
          env: mock.env as Record<string, string>,
          retry: { attempts: 3, minDelayMs: 10, maxDelayMs: 20 },
        },
        { logDir: mock.cwd, executor: executor(), onEvent: (event) => events.push(event) },
      );
      expect(result.status).toBe('succeeded');
      expect(result.output).toBe('Fine now.');
      expect(result.tries).toBe(2);
      expect(events.filter((event) => event.kind === 'end')).toHaveLength(2);
      expect(worker.output()).toMatch(/busy%2F2|busy\/2/);
    } finally {
      await mock.cleanup();
    }
  });

  it('cancels a running task from the submitter: its agent ends on the worker', async () => {
    const controller = new AbortController();
    let pid = 0;
    const result = await executor().run(command('cancel-me', 'sleep-forever'), {
      logDir: dir.path,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.kind !== 'start') return;
        pid = event.info.pid;
        controller.abort(new Error('enough'));
      },
    });
    expect(result.status).toBe('cancelled');
    expect(pid).toBeGreaterThan(0);
    expect(pidAlive(pid)).toBe(false);
  });

  it('cancels a task no worker has taken yet without running it', async () => {
    const controller = new AbortController();
    const events: TaskEvent[] = [];
    const running = executor({ queue: 'nobody-listens', sessionId: 'waits' }).run(
      command('never', 'print-ok'),
      { logDir: dir.path, signal: controller.signal, onEvent: (event) => events.push(event) },
    );
    // Cancelled once it is in the queue.
    const client = new Redis(redis.url);
    try {
      while (!(await client.exists('bull:nobody-listens:waits/never/1'))) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      client.disconnect();
    }
    controller.abort();
    const result = await running;
    expect(result.status).toBe('cancelled');
    expect(result.message).toContain('before a worker took it');
    expect(events.map((event) => event.kind)).toEqual(['end']);
  });

  it("records a session's tasks run on workers as it records local runs", async () => {
    const mock = await withMockClaude({}, { maxRetries: 0 });
    try {
      const specs: TaskSpec[] = [
        { ...command('env', 'print-env'), env: { SECRET_TOKEN: 'hidden' } },
        {
          id: 'claude',
          agent: 'claude',
          prompt: 'Say hello',
          command: mock.claudeBin,
          cwd: mock.cwd,
          env: mock.env as Record<string, string>,
        },
      ];
      const local = new OrchestratorSession({
        patternName: 'local',
        workingDir: dir.path,
        logger: silentLogger,
      });
      const remote = new OrchestratorSession({
        patternName: 'remote',
        workingDir: dir.path,
        logger: silentLogger,
        backend: executor(),
      });
      const here = await runParallel(specs, { executor: local.executor });
      const there = await runParallel(specs, { executor: remote.executor });
      const [localSummary, remoteSummary] = [await local.close(), await remote.close()];
      expect(there.map((result) => result.status)).toEqual(here.map((result) => result.status));
      expect(there[0]!.output).toContain(`ORCHESTRATE_SESSION_ID=${remote.sessionId}`);
      const perProcess = (sessionDir: string, id: string) =>
        readFileSync(join(sessionDir, 'events.jsonl'), 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as OrchestrateEvent)
          .filter(
            (event) =>
              ('processId' in event && event.processId === id) ||
              ('source' in event && event.source === id),
          )
          .map((event) => event.kind);
      for (const id of ['env', 'claude']) {
        expect(perProcess(remote.sessionDir, id)).toEqual(perProcess(local.sessionDir, id));
      }
      expect(perProcess(remote.sessionDir, 'claude')).toContain('process-activity');
      const task = readFileSync(join(remote.sessionDir, 'events.jsonl'), 'utf8')
        .split('\n')
        .find((line) => line.includes('"kind":"task"'));
      expect(JSON.parse(task!).spec.env).toEqual({ SECRET_TOKEN: '[redacted]' });
      expect(remoteSummary.totals.succeeded).toBe(localSummary.totals.succeeded);
      expect(remoteSummary.totals.processes).toBe(2);
    } finally {
      await mock.cleanup();
    }
  });
});
