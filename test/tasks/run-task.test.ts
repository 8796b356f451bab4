/**
 * runTask on the local executor with real processes: fixture executables for
 * the command agent, the real claude binary against the mock model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import type { TaskEvent } from '../../src/tasks/executor.js';
import { LocalExecutor } from '../../src/tasks/local-executor.js';
import { runTask } from '../../src/tasks/run-task.js';
import type { TaskSpec } from '../../src/tasks/task-spec.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { withMockClaude, type MockClaude } from '../helpers/mock-claude.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function folder(): string {
  const dir = tempDir();
  cleanups.push(dir.cleanup);
  return dir.path;
}

async function mockClaude(script: Parameters<typeof withMockClaude>[0]): Promise<MockClaude> {
  const mock = await withMockClaude(script, { maxRetries: 0 });
  cleanups.push(() => mock.cleanup());
  return mock;
}

describe('runTask', () => {
  it('runs a command task with its args and the prompt as the last argument', async () => {
    const dir = folder();
    const result = await runTask(
      {
        id: 'argv',
        agent: 'command',
        command: fixture('print-argv'),
        args: ['--flag'],
        prompt: 'hello there',
        cwd: dir,
      },
      { logDir: join(dir, 'logs'), logger: silentLogger },
    );
    expect(result.status).toBe('succeeded');
    expect(JSON.parse(result.output)).toEqual(['--flag', 'hello there']);
    expect(result.tries).toBe(1);
    expect(result.logFile).toBe(join(dir, 'logs', 'argv.log'));
  });

  it('sends the prompt on stdin when the spec says so, and passes its env', async () => {
    const dir = folder();
    const prompt = 'x'.repeat(1000);
    const onStdin = await runTask(
      {
        id: 'stdin',
        agent: 'command',
        command: fixture('read-stdin-until-eof'),
        prompt,
        promptVia: 'stdin',
      },
      { logDir: dir, logger: silentLogger },
    );
    expect(JSON.parse(onStdin.output).bytes).toBe(1000);
    const env = await runTask(
      {
        id: 'env',
        agent: 'command',
        command: fixture('print-env'),
        prompt: '',
        promptVia: 'none',
        env: { TASK_SETTING: 'from-spec' },
      },
      { logDir: dir, logger: silentLogger, env: { RUN_SETTING: 'from-run' } },
    );
    expect(env.output).toContain('TASK_SETTING=from-spec');
    expect(env.output).toContain('RUN_SETTING=from-run');
  });

  it('a spec that went through JSON runs the real claude and reports its events in order', async () => {
    const mock = await mockClaude({});
    const spec: TaskSpec = JSON.parse(
      JSON.stringify({
        id: 'claude-1',
        agent: 'claude',
        prompt: 'Say hello',
        command: mock.claudeBin,
        cwd: mock.cwd,
        env: mock.env,
      }),
    );
    const events: TaskEvent[] = [];
    const result = await runTask(spec, {
      logDir: join(mock.cwd, 'logs'),
      logger: silentLogger,
      onEvent: (event) => events.push(event),
    });
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('Mock reply: Say hello');
    const kinds = events.map((e) => e.kind).filter((kind) => kind !== 'log');
    expect(kinds[0]).toBe('start');
    expect(kinds.at(-1)).toBe('end');
    expect(kinds).toContain('agent-event');
    expect(events.every((e) => e.taskId === 'claude-1')).toBe(true);
  });

  it('retries a transient API error as the spec says, each try in its own log', async () => {
    const mock = await mockClaude({
      rules: [{ turns: [{ error: { status: 529 }, times: 1 }, { text: 'Fine now.' }] }],
    });
    const events: TaskEvent[] = [];
    const dir = join(mock.cwd, 'logs');
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
      { logDir: dir, logger: silentLogger, onEvent: (event) => events.push(event) },
    );
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('Fine now.');
    expect(result.tries).toBe(2);
    expect(events.filter((e) => e.kind === 'retry')).toMatchObject([
      { attempt: 2, reason: 'API error 529 (overloaded)' },
    ]);
    expect(readFileSync(join(dir, 'busy.attempt-2.log'), 'utf8')).toContain('Fine now.');
  });

  it("the spec's idleTimeoutMs ends a task that goes silent", async () => {
    const dir = folder();
    const result = await runTask(
      {
        id: 'silent',
        agent: 'command',
        command: fixture('go-silent-after-output'),
        prompt: '',
        promptVia: 'none',
        idleTimeoutMs: 300,
      },
      { logDir: dir, logger: silentLogger },
    );
    expect(result.status).toBe('timed_out');
    expect(result.message).toMatch(/no output for 300 ms/);
  });

  it('a cancelled signal ends the task as cancelled without starting it', async () => {
    const dir = folder();
    const controller = new AbortController();
    controller.abort();
    const result = await runTask(
      { id: 'never', agent: 'command', command: fixture('sleep-forever'), prompt: '' },
      { logDir: dir, logger: silentLogger, signal: controller.signal },
    );
    expect(result.status).toBe('cancelled');
  });

  it('rejects a bad spec before running anything', async () => {
    const dir = folder();
    await expect(
      runTask({ id: 'bad', agent: 'command', prompt: 'x' } as TaskSpec, { logDir: dir }),
    ).rejects.toThrow('`command` is required for agent "command"');
  });

  it('a custom executor receives the checked spec and each try number', async () => {
    const seen: [string, number | undefined][] = [];
    const local = new LocalExecutor();
    const dir = folder();
    const result = await runTask(
      { id: 'via', agent: 'command', command: fixture('print-ok'), prompt: '', promptVia: 'none' },
      {
        logDir: dir,
        logger: silentLogger,
        executor: {
          run(spec, options) {
            seen.push([spec.id, options.attempt]);
            return local.run(spec, options);
          },
        },
      },
    );
    expect(result.status).toBe('succeeded');
    expect(seen).toEqual([['via', 1]]);
  });
});
