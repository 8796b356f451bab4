import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { fixtureProcess, tempDir } from '../helpers/fixtures.js';
import {
  behavingProcess,
  EXPECTED_STATUS,
  maxOverlap,
  meetingProcesses,
  recordedIntervals,
  watchRunning,
  type Behaviour,
} from './support.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

const behaviours: Behaviour[] = ['succeed', 'fail', 'spawn-error', 'time-out'];

describe('runParallel', () => {
  it('never runs more than maxWorkers at once, and every input yields exactly one result', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...behaviours), { minLength: 0, maxLength: 7 }),
        fc.integer({ min: 1, max: 4 }),
        async (plan, maxWorkers) => {
          const run = tempDir();
          try {
            const processes = plan.map((behaviour, i) => behavingProcess(run.path, i, behaviour));
            const running = watchRunning(processes);
            const results = await runParallel(processes, { maxWorkers });
            expect(running.max()).toBeLessThanOrEqual(maxWorkers);
            expect(maxOverlap(recordedIntervals(run.path))).toBeLessThanOrEqual(maxWorkers);
            expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(
              plan.map((_, i) => i),
            );
            for (const result of results) {
              expect(result.processId).toBe(`p${result.index}`);
              expect(result.status).toBe(EXPECTED_STATUS[plan[result.index]!]);
              expect(result.tries).toBe(1);
            }
          } finally {
            run.cleanup();
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('runs every process at once when maxWorkers is not given', async () => {
    // Each waits until all six have started: they can only all succeed by running at once.
    const processes = meetingProcesses(dir.path, 6);
    const running = watchRunning(processes);
    const results = await runParallel(processes);
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('succeeded'));
    expect(running.max()).toBe(6);
    expect(maxOverlap(recordedIntervals(dir.path))).toBe(6);
  });

  it('gives results in completion order, each with its index in the input', async () => {
    const slow = fixtureProcess(dir.path, 'sleep-then-print', {
      processId: 'slow',
      args: ['0.4'],
      prompt: 'slow',
    });
    const fast = fixtureProcess(dir.path, 'sleep-then-print', {
      processId: 'fast',
      args: ['0'],
      prompt: 'fast',
    });
    const results = await runParallel([slow, fast]);
    expect(results.map((r) => [r.processId, r.index])).toEqual([
      ['fast', 1],
      ['slow', 0],
    ]);
    expect(results[1]!.output).toBe('slow\n');
  });

  it('resolves with an empty list for no processes', async () => {
    await expect(runParallel([])).resolves.toEqual([]);
  });

  it('rejects a process that has already run, naming it and the fix', async () => {
    const process = fixtureProcess(dir.path, 'print-ok');
    await process.run();
    await expect(runParallel([process])).rejects.toThrow(
      '`processes[0]` (print-ok) has already run; a process object runs once. Use clone() for another run.',
    );
  });

  it('rejects the same process object given twice', async () => {
    const process = fixtureProcess(dir.path, 'print-ok');
    await expect(runParallel([process, process])).rejects.toThrow(
      '`processes[1]` is the same object as `processes[0]` (print-ok)',
    );
  });

  it('rejects two processes that would write the same log file', async () => {
    const a = fixtureProcess(dir.path, 'print-ok');
    const b = fixtureProcess(dir.path, 'print-ok');
    await expect(runParallel([a, b])).rejects.toThrow('would both log to');
  });

  it('rejects a maxWorkers that is not a positive integer, naming the value', async () => {
    const process = fixtureProcess(dir.path, 'print-ok');
    await expect(runParallel([process], { maxWorkers: 0 })).rejects.toThrow(
      'Expected `maxWorkers` to be a positive integer, got `0` (number)',
    );
    await expect(runParallel([process], { maxWorkers: 1.5 })).rejects.toThrow('got `1.5` (number)');
    expect(process.state).toBe('pending');
  });

  it('rejects a signal that is not an AbortSignal', async () => {
    const process = fixtureProcess(dir.path, 'print-ok');
    await expect(
      runParallel([process], { signal: 'stop' as unknown as AbortSignal }),
    ).rejects.toThrow('Expected `signal` to be an AbortSignal, got `"stop"` (string)');
  });

  it('turns an exception inside a run into a failed result that carries its message', async () => {
    const process = fixtureProcess(dir.path, 'print-ok');
    process.on('start', () => {
      throw new Error('listener exploded');
    });
    const ended: string[] = [];
    process.on('end', (result) => ended.push(result.status));
    const [result] = await runParallel([process]);
    expect(result!.status).toBe('failed');
    expect(result!.message).toContain('listener exploded');
    expect(ended).toEqual(['failed']);
  });
});
