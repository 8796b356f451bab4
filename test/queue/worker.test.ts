/**
 * `orchestrate worker` as a real process on a real redis-server: its flags,
 * a clear error for an unreachable Redis, and a graceful SIGTERM that lets a
 * running task finish, or hands it back to another worker after --drain-timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { BullMQExecutor } from '../../src/queue/bullmq-executor.js';
import type { TaskEvent } from '../../src/tasks/executor.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { fixture, pidAlive, tempDir } from '../helpers/fixtures.js';
import { freePort, startRedisServer, type RedisServer } from '../helpers/redis-server.js';
import { withMockClaude } from '../helpers/mock-claude.js';
import { startWorker } from '../helpers/worker-process.js';

let redis: RedisServer;
const dir = tempDir();

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  await redis?.stop();
  dir.cleanup();
});

const sleepy = (id: string, seconds: number) => ({
  id,
  agent: 'command',
  command: fixture('sleep-then-print'),
  args: [String(seconds), `${id} done`],
  prompt: '',
  promptVia: 'none' as const,
});

describe('orchestrate worker', () => {
  it('refuses a missing or malformed --redis with the flag, the value and an example', async () => {
    const missing = await runCli(['worker']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--redis is required');
    const bad = await runCli(['worker', '--redis', 'http://localhost:6379']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--redis: expected a Redis URL such as redis://127.0.0.1:6379');
    expect(bad.stderr).toContain('"http://localhost:6379"');
    const concurrency = await runCli(['worker', '--redis', redis.url, '-c', '0']);
    expect(concurrency.code).toBe(2);
    expect(concurrency.stderr).toContain('--concurrency: expected a whole number of at least 1');
  });

  it('says clearly that Redis cannot be reached, and exits instead of waiting', async () => {
    const port = await freePort();
    const result = await runCli(['worker', '--redis', `redis://127.0.0.1:${port}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cannot reach Redis at redis://127.0.0.1:${port}`);
    expect(result.stderr).toContain('ECONNREFUSED');
    expect(result.stderr).toContain('redis-server --port 6379');
  });

  it('warns at start when Redis may evict queued jobs (maxmemory-policy is not noeviction)', async () => {
    const evicting = await startRedisServer(['--maxmemory-policy', 'allkeys-lru']);
    try {
      const worker = await startWorker(['--redis', evicting.url, '--log-dir', dir.path]);
      const exit = await worker.stop();
      expect(exit.stderr).toContain('has maxmemory-policy allkeys-lru');
      expect(exit.stderr).toContain('CONFIG SET maxmemory-policy noeviction');
      const quiet = await startWorker(['--redis', redis.url, '--log-dir', dir.path]);
      expect((await quiet.stop()).stderr).not.toContain('maxmemory-policy');
    } finally {
      await evicting.stop();
    }
  });

  it('on SIGTERM takes no new task, lets the running one finish, then exits 0', async () => {
    const worker = await startWorker([
      '--redis',
      redis.url,
      '--queue',
      'drain',
      '--log-dir',
      dir.path,
    ]);
    const executor = new BullMQExecutor({
      connection: redis.url,
      queue: 'drain',
      logger: silentLogger,
    });
    try {
      const events: TaskEvent[] = [];
      let stopped: ReturnType<typeof worker.stop> | null = null;
      const result = await executor.run(sleepy('finish-me', 1), {
        logDir: dir.path,
        onEvent: (event) => {
          events.push(event);
          if (event.kind === 'start') stopped = worker.stop();
        },
      });
      expect(result.status).toBe('succeeded');
      expect(result.output).toBe('finish-me done\n');
      const exit = await stopped!;
      expect(exit.code).toBe(0);
      expect(exit.stderr).toContain('Shutting down: no new tasks');
      expect(events.filter((event) => event.kind === 'start')).toHaveLength(1);
    } finally {
      await executor.close();
      await worker.stop();
    }
  });

  it('after --drain-timeout ends the running agent and hands the task to another worker', async () => {
    const args = ['--redis', redis.url, '--queue', 'handback', '--log-dir', dir.path];
    const first = await startWorker([...args, '--drain-timeout', '500ms']);
    const executor = new BullMQExecutor({
      connection: redis.url,
      queue: 'handback',
      logger: silentLogger,
    });
    let second: Awaited<ReturnType<typeof startWorker>> | null = null;
    try {
      const starts: number[] = [];
      let stopped: ReturnType<typeof first.stop> | null = null;
      const result = await executor.run(sleepy('hand-me-back', 3), {
        logDir: dir.path,
        onEvent: (event) => {
          if (event.kind !== 'start') return;
          starts.push(event.info.pid);
          if (starts.length === 1) {
            stopped = first.stop();
            void stopped.then(async () => (second = await startWorker(args)));
          }
        },
      });
      expect(result.status).toBe('succeeded');
      expect(result.output).toBe('hand-me-back done\n');
      expect(starts).toHaveLength(2);
      expect(pidAlive(starts[0]!)).toBe(false);
      const exit = await stopped!;
      expect(exit.code).toBe(0);
      expect(exit.stderr).toContain('Handed back to the queue');
    } finally {
      await executor.close();
      await first.stop();
      await (second as Awaited<ReturnType<typeof startWorker>> | null)?.stop();
    }
  });

  it('exits at once on SIGTERM when idle, and a task sent while it shuts down waits for another worker', async () => {
    const args = ['--redis', redis.url, '--queue', 'idle', '--log-dir', dir.path];
    const idle = await startWorker(args);
    const executor = new BullMQExecutor({
      connection: redis.url,
      queue: 'idle',
      logger: silentLogger,
    });
    let next: Awaited<ReturnType<typeof startWorker>> | null = null;
    try {
      await executor.ready();
      const signalled = Date.now();
      const stopped = idle.stop();
      while (!idle.output().includes('Shutting down')) await new Promise((r) => setTimeout(r, 10));
      const result = executor.run(sleepy('after-shutdown', 0), { logDir: dir.path });
      const exit = await stopped;
      // BullMQ's idle fetch blocks for 5 s (its drainDelay); closing must not wait for it.
      expect(Date.now() - signalled).toBeLessThan(4000);
      expect(exit.code).toBe(0);
      expect(exit.stderr).toContain('Stopped');
      expect(exit.stderr).not.toContain('Running command task');
      next = await startWorker(args);
      expect((await result).output).toBe('after-shutdown done\n');
      expect(next.output()).toContain('Running command task after-shutdown');
    } finally {
      await executor.close();
      await idle.stop();
      await (next as Awaited<ReturnType<typeof startWorker>> | null)?.stop();
    }
  });

  it('serves Prometheus metrics: tasks by status and agent, running, queued, tokens and cost', async () => {
    const port = await freePort();
    const worker = await startWorker([
      ...['--redis', redis.url, '--queue', 'metrics', '--log-dir', dir.path],
      ...['--metrics-port', String(port)],
    ]);
    const executor = new BullMQExecutor({
      connection: redis.url,
      queue: 'metrics',
      logger: silentLogger,
    });
    const mock = await withMockClaude({}, { maxRetries: 0 });
    try {
      expect(worker.output()).toContain(
        `Metrics for Prometheus at http://127.0.0.1:${port}/metrics`,
      );
      const failing = {
        ...sleepy('fails', 0),
        command: fixture('exit-with'),
        env: { EXIT_CODE: '3' },
      };
      await executor.run(sleepy('ok', 0), { logDir: dir.path });
      await executor.run(failing, { logDir: dir.path });
      const claude = await executor.run(
        {
          id: 'c',
          agent: 'claude',
          prompt: 'Hi',
          command: mock.claudeBin,
          cwd: mock.cwd,
          env: mock.env as Record<string, string>,
        },
        { logDir: dir.path },
      );
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(text).toContain(
        'orchestrate_tasks_total{status="succeeded",agent="sleep-then-print"} 1',
      );
      expect(text).toContain('orchestrate_tasks_total{status="failed",agent="exit-with"} 1');
      expect(text).toContain('orchestrate_tasks_total{status="succeeded",agent="claude"} 1');
      expect(text).toContain('orchestrate_tasks_running{agent="claude"} 0');
      expect(text).toContain('orchestrate_tasks_queued 0');
      const output = Number(
        /orchestrate_tokens_total\{agent="claude",kind="output"\} (\d+)/.exec(text)?.[1],
      );
      expect(output).toBe(claude.usage!.outputTokens);
      expect(text).toMatch(/orchestrate_cost_usd_total\{agent="claude"\} [\d.e-]+/);
    } finally {
      await mock.cleanup();
      await executor.close();
      await worker.stop();
    }
  });

  it("counts a rate-limit pause when the account refuses one of its agent's calls", async () => {
    const port = await freePort();
    const worker = await startWorker([
      ...['--redis', redis.url, '--queue', 'pauses', '--log-dir', dir.path],
      ...['--metrics-port', String(port)],
    ]);
    const executor = new BullMQExecutor({
      connection: redis.url,
      queue: 'pauses',
      logger: silentLogger,
    });
    // One call a minute: the second task's call is refused until the window resets.
    const mock = await withMockClaude(
      { account: { requests: 1, windowMs: 60_000 } },
      { auth: 'subscription', maxRetries: 0 },
    );
    const claudeTask = (id: string) => ({
      id,
      agent: 'claude',
      prompt: `Hi from ${id}`,
      command: mock.claudeBin,
      cwd: mock.cwd,
      env: mock.env as Record<string, string>,
    });
    const scrape = async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    try {
      expect(await scrape()).toContain('orchestrate_rate_limit_pauses_total 0');
      const results = [
        await executor.run(claudeTask('first'), { logDir: dir.path }),
        await executor.run(claudeTask('second'), { logDir: dir.path }),
      ];
      // The second call at the latest was refused: its try failed, and counted as a pause.
      expect(mock.model.account!.rejected).toBeGreaterThan(0);
      expect(results.map((result) => result.status)).toContain('failed');
      const refused = results.filter((result) => result.status === 'failed').length;
      expect(await scrape()).toContain(`orchestrate_rate_limit_pauses_total ${refused}`);
    } finally {
      await mock.cleanup();
      await executor.close();
      await worker.stop();
    }
  });
});
