/**
 * What distribution must survive, on a real redis-server with real worker
 * processes: a run spread over two workers, a worker SIGKILLed mid-task
 * (its agent dies with it), and Redis restarted (empty) mid-run. Every task
 * ends with one result, a true one.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { BullMQExecutor } from '../../src/queue/bullmq-executor.js';
import type { TaskEvent } from '../../src/tasks/executor.js';
import type { TaskSpec } from '../../src/tasks/task-spec.js';
import { fixture, pidAlive, tempDir } from '../helpers/fixtures.js';
import { startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { FAST_LOCKS, startWorker, type WorkerProcess } from '../helpers/worker-process.js';

let redis: RedisServer;
const dir = tempDir();
const workers: WorkerProcess[] = [];
const executors: BullMQExecutor[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  await Promise.all(executors.map((executor) => executor.close()));
  await Promise.all(workers.map((worker) => worker.stop()));
  await redis?.stop();
  dir.cleanup();
});

async function worker(queue: string, extra: string[] = []): Promise<WorkerProcess> {
  // Short locks: a SIGKILLed worker's task runs again within seconds.
  const started = await startWorker([
    ...FAST_LOCKS,
    ...['--redis', redis.url, '--queue', queue, '--log-dir', join(dir.path, 'w')],
    ...extra,
  ]);
  workers.push(started);
  return started;
}

function executor(queue: string): BullMQExecutor {
  const made = new BullMQExecutor({ connection: redis.url, queue, logger: silentLogger });
  executors.push(made);
  return made;
}

const sleepy = (id: string, seconds: number): TaskSpec => ({
  id,
  agent: 'command',
  command: fixture('sleep-then-print'),
  args: [String(seconds), `${id} done`],
  prompt: '',
  promptVia: 'none',
});

async function until(condition: () => boolean, ms: number): Promise<void> {
  for (const deadline = Date.now() + ms; !condition() && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function eventsOf(kind: TaskEvent['kind'], events: TaskEvent[]) {
  return events.filter((event) => event.kind === kind);
}

describe('distributed runs', () => {
  it('spreads a run over two workers', async () => {
    const [a, b] = await Promise.all([worker('spread'), worker('spread')]);
    const queue = executor('spread');
    const ids = ['s1', 's2', 's3', 's4', 's5', 's6'];
    const results = await Promise.all(
      ids.map((id) => queue.run(sleepy(id, 0.5), { logDir: dir.path })),
    );
    expect(results.map((result) => result.output)).toEqual(ids.map((id) => `${id} done\n`));
    for (const one of [a, b]) expect(one.output()).toContain('Running command task');
  });

  it('runs a task again on another worker when its worker is SIGKILLed, records one result, leaves no agent', async () => {
    const first = await worker('killed');
    const queue = executor('killed');
    const events: TaskEvent[] = [];
    const spec: TaskSpec = {
      id: 'outlives-its-worker',
      agent: 'command',
      command: fixture('slow-first-run'),
      args: [join(dir.path, 'runs')],
      prompt: '',
      promptVia: 'none',
    };
    const result = await queue.run(spec, {
      logDir: dir.path,
      onEvent: (event) => {
        events.push(event);
        if (event.kind === 'start' && eventsOf('start', events).length === 1) {
          first.child.kill('SIGKILL');
          void worker('killed');
        }
      },
    });
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('run 2\n');
    const starts = eventsOf('start', events) as Extract<TaskEvent, { kind: 'start' }>[];
    expect(starts).toHaveLength(2);
    expect(eventsOf('end', events)).toHaveLength(1);
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: 'log',
        message: expect.stringContaining('stopped renewing the lock'),
      }),
    );
    expect((await first.done).signal).toBe('SIGKILL');
    // The first run sleeps 30 s: only the reaper of its dead worker can have ended it.
    await until(() => !pidAlive(starts[0]!.info.pid), 10_000);
    expect(pidAlive(starts[0]!.info.pid)).toBe(false);
  });

  it('survives a Redis restart that loses every job: each task ends once, succeeded by a run that finished', async () => {
    await worker('restart', ['-c', '2']);
    const queue = executor('restart');
    const ids = ['r1', 'r2', 'r3', 'r4'];
    const events = new Map<string, TaskEvent[]>(ids.map((id) => [id, []]));
    let restarted: Promise<void> | null = null;
    const results = await Promise.all(
      ids.map((id) =>
        queue.run(sleepy(id, 1.5), {
          logDir: dir.path,
          onEvent: (event) => {
            events.get(id)!.push(event);
            const started = [...events.values()].flat().filter((e) => e.kind === 'start');
            if (started.length === 2 && !restarted) restarted = redis.restart({ hard: true });
          },
        }),
      ),
    );
    await restarted;
    expect(results.map((result) => [result.status, result.output])).toEqual(
      ids.map((id) => ['succeeded', `${id} done\n`]),
    );
    for (const id of ids) expect(eventsOf('end', events.get(id)!)).toHaveLength(1);
    const lost = ids.filter((id) =>
      events
        .get(id)!
        .some((event) => event.kind === 'log' && event.message.includes('no longer has')),
    );
    expect(lost.length).toBeGreaterThan(0);
  });
});
