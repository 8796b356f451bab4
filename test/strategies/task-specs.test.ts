/**
 * The strategies given TaskSpecs: each try goes to the executor (the local one
 * unless told otherwise), with real fixture executables as the agents.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProcessResult } from '../../src/process/result.js';
import { runBatched } from '../../src/strategies/run-batched.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { runSequential } from '../../src/strategies/run-sequential.js';
import { runWithFallback } from '../../src/strategies/run-with-fallback.js';
import type { ExecuteOptions, Executor, TaskEvent } from '../../src/tasks/executor.js';
import { localExecutor } from '../../src/tasks/local-executor.js';
import type { TaskSpec } from '../../src/tasks/task-spec.js';
import { fixture, fixtureProcess, tempDir } from '../helpers/fixtures.js';
import { maxOverlap, recordedIntervals } from './support.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

/** A command task running the named fixture in the test's folder. */
function spec(id: string, name: string, fields: Partial<TaskSpec> = {}): TaskSpec {
  return { id, agent: 'command', command: fixture(name), prompt: id, cwd: dir.path, ...fields };
}

const recording = (id: string) =>
  spec(id, 'record-concurrency', { env: { RECORD_FILE: join(dir.path, 'record.txt') } });

describe('strategies given task specs', () => {
  it('runParallel runs each spec on the local executor, logging to logDir, at most maxWorkers at once', async () => {
    const logDir = join(dir.path, 'logs');
    const specs = ['a', 'b', 'c', 'd'].map(recording);
    const results = await runParallel(specs, { logDir, maxWorkers: 2 });
    expect(results.map((r) => r.status)).toEqual(Array(4).fill('succeeded'));
    expect(results.map((r) => r.index).sort()).toEqual([0, 1, 2, 3]);
    expect(results.find((r) => r.index === 2)!.output).toBe('c\n');
    expect(existsSync(join(logDir, 'c.log'))).toBe(true);
    // At most two: on a loaded machine one 50 ms run may end before the next starts.
    expect(maxOverlap(recordedIntervals(dir.path))).toBeLessThanOrEqual(2);
  });

  it('a spec survives JSON: the strategies run the parsed copy the same', async () => {
    const logDir = join(dir.path, 'logs');
    const specs = JSON.parse(JSON.stringify([spec('argv', 'print-argv', { args: ['--x'] })]));
    const [result] = await runSequential(specs, { logDir });
    expect(JSON.parse(result!.output)).toEqual(['--x', 'argv']);
  });

  it('runSequential passes the earlier outputs into the next spec prompt', async () => {
    const [, second] = await runSequential(
      [spec('first', 'print-argv'), spec('second', 'print-argv')],
      { logDir: dir.path, passOutput: true },
    );
    const [prompt] = JSON.parse(second!.output) as string[];
    expect(prompt).toContain('["first"]');
    expect(prompt!.endsWith('second')).toBe(true);
  });

  it('retries a spec, telling onEvent and logging each try apart', async () => {
    const events: TaskEvent[] = [];
    const flaky = spec('flaky', 'fail-until', {
      env: { COUNTER_FILE: join(dir.path, 'count'), SUCCEED_ON: '3' },
    });
    const [result] = await runBatched([flaky], {
      batchSize: 1,
      logDir: dir.path,
      retry: { attempts: 3, minDelayMs: 0, shouldRetry: (r) => r.status === 'failed' },
      onEvent: (event) => events.push(event),
    });
    expect(result!.status).toBe('succeeded');
    expect(result!.tries).toBe(3);
    expect(events.filter((e) => e.kind === 'retry').map((e) => e.attempt)).toEqual([2, 3]);
    expect(events.filter((e) => e.kind === 'end')).toHaveLength(3);
    expect(readFileSync(join(dir.path, 'flaky.attempt-3.log'), 'utf8')).toContain(
      'succeeded on run 3',
    );
  });

  it('runWithFallback moves to the next spec until one succeeds, each with the attempt timeout', async () => {
    const result = await runWithFallback(
      [spec('hangs', 'sleep-forever', { killGraceMs: 100 }), spec('works', 'print-ok')],
      { logDir: dir.path, timeoutMs: 200 },
    );
    expect(result.attempts.map((a) => a.status)).toEqual(['timed_out', 'succeeded']);
    expect(result.processId).toBe('works');
  });

  it('sends every try to the executor it is given', async () => {
    const asked: string[] = [];
    const counting: Executor = {
      run(task: TaskSpec, options: ExecuteOptions): Promise<ProcessResult> {
        asked.push(`${task.id}#${options.attempt}`);
        return localExecutor.run(task, options);
      },
    };
    await runParallel([spec('one', 'print-ok'), spec('two', 'print-ok')], {
      executor: counting,
      logDir: dir.path,
    });
    expect(asked.sort()).toEqual(['one#1', 'two#1']);
  });

  it('runs process objects and specs side by side', async () => {
    const process = fixtureProcess(dir.path, 'print-ok', { processId: 'object' });
    const results = await runParallel([process, spec('data', 'print-argv')], {
      logDir: dir.path,
    });
    expect(results.map((r) => [r.processId, r.status]).sort()).toEqual([
      ['data', 'succeeded'],
      ['object', 'succeeded'],
    ]);
  });

  it('turns an executor that throws into a failed result for that task', async () => {
    const broken: Executor = {
      run: () => Promise.reject(new Error('the queue is down')),
    };
    const [result] = await runParallel([spec('lost', 'print-ok')], {
      executor: broken,
      logDir: dir.path,
    });
    expect(result!.status).toBe('failed');
    expect(result!.message).toBe('failed: the queue is down');
  });
});

describe('bad task input', () => {
  it('asks for logDir when specs run on an executor without one', async () => {
    await expect(runParallel([spec('a', 'print-ok')])).rejects.toThrow(
      /Expected `logDir` \(the folder for the tasks' logs\)/,
    );
  });

  it('names the task, the field, the value and what is accepted', async () => {
    await expect(
      runParallel([spec('a', 'print-ok'), { ...spec('b', 'print-ok'), timeoutMs: -5 }], {
        logDir: dir.path,
      }),
    ).rejects.toThrow(
      '`tasks[1]`: Task "b" is invalid: `timeoutMs` must be a non-negative integer (milliseconds), got `-5` (number)',
    );
  });

  it('rejects two specs with the same id: they would write the same log', async () => {
    await expect(
      runParallel([spec('twin', 'print-ok'), spec('twin', 'print-argv')], { logDir: dir.path }),
    ).rejects.toThrow('`tasks[1]` and `tasks[0]` are both "twin" and would write the same log');
  });

  it('rejects something that is neither a spec nor a process', async () => {
    await expect(runParallel(['print-ok' as never], { logDir: dir.path })).rejects.toThrow(
      'Expected `tasks[0]` to be a task spec ({ id, agent, prompt, ... }) or an AgentProcess',
    );
  });
});
