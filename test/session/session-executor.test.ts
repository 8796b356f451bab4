/**
 * A session's executor: tasks given as data are recorded (secrets redacted),
 * run as the session's processes, and share the session's one limiter with
 * everything else the session runs. Real fixture executables as the agents.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrchestrateEvent } from '../../src/events/types.js';
import { runBatched } from '../../src/strategies/run-batched.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { readSessionTasks } from '../../src/session/read-session.js';
import { runTask } from '../../src/tasks/run-task.js';
import type { TaskSpec } from '../../src/tasks/task-spec.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { maxOverlap, recordedIntervals } from '../strategies/support.js';
import { eventsFile, kinds, quietSession } from './support.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

function spec(id: string, name: string, fields: Partial<TaskSpec> = {}): TaskSpec {
  return { id, agent: 'command', command: fixture(name), prompt: id, ...fields };
}

const recording = (id: string) =>
  spec(id, 'record-concurrency', {
    env: { RECORD_FILE: join(dir.path, 'record.txt'), SLEEP: '0.2' },
  });

describe("a session's executor", () => {
  it('records each task as data before it starts, with secret-looking env values redacted', async () => {
    const session = quietSession(dir.path);
    const task = spec('env', 'print-env', {
      promptVia: 'none',
      env: { ANTHROPIC_API_KEY: 'sk-live-1', GITHUB_TOKEN: 'ghp_2', DEBUG: 'yes' },
    });
    const [result] = await runParallel([task], { executor: session.executor });
    await session.close();
    expect(result!.output).toContain('ANTHROPIC_API_KEY=sk-live-1');
    const events = eventsFile(session.sessionDir);
    expect(kinds(events)).toEqual([
      'session-start',
      'queued',
      'task',
      'log',
      'process-start',
      'log',
      'process-end',
      'session-end',
    ]);
    const record = events[2] as Extract<OrchestrateEvent, { kind: 'task' }>;
    expect(record.processId).toBe('env');
    const recorded = {
      ...task,
      cwd: dir.path,
      env: { ANTHROPIC_API_KEY: '[redacted]', GITHUB_TOKEN: '[redacted]', DEBUG: 'yes' },
    };
    expect(record.spec).toEqual(recorded);
    await expect(readSessionTasks(session.sessionDir)).resolves.toEqual([recorded]);
  });

  it('runs each task in the session folders with its ORCHESTRATE_* variables', async () => {
    const session = quietSession(dir.path);
    const results = await runParallel(
      [
        spec('one', 'print-env', { promptVia: 'none' }),
        spec('two', 'print-env', { promptVia: 'none' }),
      ],
      { executor: session.executor },
    );
    await session.close();
    const two = results.find((r) => r.processId === 'two')!;
    expect(two.logFile).toBe(join(session.processLogDir, 'two.log'));
    expect(two.output).toContain(`ORCHESTRATE_SESSION_ID=${session.sessionId}`);
    expect(two.output).toContain('ORCHESTRATE_PROCESS_ID=two');
    expect(two.output).toMatch(/ORCHESTRATE_SEQ=[12]\n/);
  });

  it('shares one limiter: two strategies at once run maxWorkers tries in all', async () => {
    const session = quietSession(dir.path, { maxWorkers: 2 });
    const [first, second] = await Promise.all([
      runParallel(['a', 'b', 'c'].map(recording), { executor: session.executor }),
      runBatched(['d', 'e', 'f'].map(recording), { batchSize: 3, executor: session.executor }),
    ]);
    await session.close();
    expect([...first, ...second].every((r) => r.status === 'succeeded')).toBe(true);
    expect(recordedIntervals(dir.path)).toHaveLength(6);
    expect(maxOverlap(recordedIntervals(dir.path))).toBe(2);
    expect(session.limiter.activeCount).toBe(0);
  });

  it('records a retried task once, then each retry, and each try under its attempt', async () => {
    const session = quietSession(dir.path);
    const flaky = spec('flaky', 'fail-until', {
      env: { COUNTER_FILE: join(dir.path, 'count'), SUCCEED_ON: '3' },
    });
    const [result] = await runParallel([flaky], {
      executor: session.executor,
      retry: { attempts: 3, minDelayMs: 0, shouldRetry: (r) => r.status === 'failed' },
    });
    await session.close();
    expect(result!.tries).toBe(3);
    expect(result!.logFile).toBe(join(session.processLogDir, 'flaky.attempt-3.log'));
    const events = eventsFile(session.sessionDir);
    expect(events.filter((e) => e.kind === 'task')).toHaveLength(1);
    const tries = (kind: string) =>
      events.filter((e) => e.kind === kind).map((e) => (e as { attempt: number }).attempt);
    expect(tries('retry')).toEqual([2, 3]);
    expect(tries('process-start')).toEqual([1, 2, 3]);
    expect(tries('process-end')).toEqual([1, 2, 3]);
    expect(session.getSummary().processes.map((p) => [p.processId, p.status])).toEqual([
      ['flaky', 'succeeded'],
    ]);
  });

  it('runTask through the session executor is recorded like a strategy run', async () => {
    const session = quietSession(dir.path);
    const result = await runTask(spec('single', 'print-ok'), {
      executor: session.executor,
      logDir: session.processLogDir,
    });
    await session.close();
    expect(result.status).toBe('succeeded');
    expect(kinds(eventsFile(session.sessionDir))).toContain('task');
  });

  it('a cancel while a task waits for a slot ends it unstarted', async () => {
    const session = quietSession(dir.path, { maxWorkers: 1 });
    const controller = new AbortController();
    const running = runParallel([spec('hog', 'sleep-forever', { killGraceMs: 100 })], {
      executor: session.executor,
      signal: controller.signal,
    });
    const waiting = runParallel([spec('queued', 'print-ok')], {
      executor: session.executor,
      signal: controller.signal,
    });
    session.on('event', (event) => {
      if (event.kind === 'process-start') controller.abort(new Error('enough'));
    });
    const [[hog], [queued]] = await Promise.all([running, waiting]);
    await session.close();
    expect(hog!.status).toBe('cancelled');
    expect(queued!.status).toBe('cancelled');
    expect(queued!.message).toContain('before it started');
  });

  it('cancelProcess ends the running try of one task by its id, and says false for none', async () => {
    const session = quietSession(dir.path);
    session.on('event', (event) => {
      if (event.kind === 'process-start' && event.processId === 'stuck')
        expect(session.cancelProcess('stuck', 'from a test')).toBe(true);
    });
    const results = await runParallel(
      [spec('stuck', 'sleep-forever', { killGraceMs: 100 }), spec('quick', 'print-ok')],
      { executor: session.executor },
    );
    expect(session.cancelProcess('stuck')).toBe(false);
    await session.close();
    const stuck = results.find((r) => r.processId === 'stuck')!;
    expect(stuck.status).toBe('cancelled');
    expect(stuck.message).toContain('from a test');
    expect(results.find((r) => r.processId === 'quick')!.status).toBe('succeeded');
  });

  it("a spec's own env outranks the session's defaults; the ORCHESTRATE_* variables outrank both", async () => {
    const session = quietSession(dir.path, {
      processDefaults: { env: { SETTING: 'session', OTHER: 'session' } },
    });
    const [result] = await runParallel(
      [
        spec('env', 'print-env', {
          promptVia: 'none',
          env: { SETTING: 'spec', ORCHESTRATE_PROCESS_ID: 'mine' },
        }),
      ],
      { executor: session.executor },
    );
    await session.close();
    expect(result!.output).toContain('SETTING=spec\n');
    expect(result!.output).toContain('OTHER=session\n');
    expect(result!.output).toContain('ORCHESTRATE_PROCESS_ID=env\n');
  });
});
