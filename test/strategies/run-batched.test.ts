import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentProcess } from '../../src/process/agent-process.js';
import { runBatched } from '../../src/strategies/run-batched.js';
import { fixtureProcess, tempDir } from '../helpers/fixtures.js';
import {
  behavingProcess,
  maxOverlap,
  meetingProcesses,
  recordedIntervals,
  type Behaviour,
} from './support.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

/** Wall-clock start and end of every run, from the processes' own events, by index. */
function watchSpans(processes: AgentProcess[]): Map<number, { start: number; end: number }> {
  const spans = new Map<number, { start: number; end: number }>();
  processes.forEach((process, index) => {
    process.on('start', () => spans.set(index, { start: performance.now(), end: Infinity }));
    process.on('end', () => {
      const span = spans.get(index);
      if (span) span.end = performance.now();
    });
  });
  return spans;
}

describe('runBatched', () => {
  it('never lets batches overlap, and every input yields exactly one result', async () => {
    const behaviours: Behaviour[] = ['succeed', 'succeed', 'fail', 'time-out'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...behaviours), { maxLength: 7 }),
        fc.integer({ min: 1, max: 4 }),
        async (plan, batchSize) => {
          const run = tempDir();
          try {
            const processes = plan.map((behaviour, i) =>
              behavingProcess(run.path, i, behaviour, 0.02),
            );
            const spans = watchSpans(processes);
            const results = await runBatched(processes, { batchSize });
            expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(
              plan.map((_, i) => i),
            );
            const batchOf = (index: number) => Math.floor(index / batchSize);
            // Results come batch by batch.
            const batches = results.map((r) => batchOf(r.index));
            expect(batches).toEqual([...batches].sort((a, b) => a - b));
            // Every run of a batch ends before any run of the next starts.
            for (const [i, a] of spans) {
              for (const [j, b] of spans) {
                if (batchOf(i) < batchOf(j)) expect(a.end).toBeLessThanOrEqual(b.start);
              }
            }
          } finally {
            run.cleanup();
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('runs a whole batch at once: a batch of 4 runs 4 at the same time', async () => {
    // The first batch waits for 4 starts, the second for all 8: each batch can
    // only succeed if its four run at the same time.
    const processes = meetingProcesses(dir.path, 8, (i) => (i < 4 ? 4 : 8));
    const results = await runBatched(processes, { batchSize: 4 });
    expect(results.map((r) => r.status)).toEqual(Array(8).fill('succeeded'));
    const intervals = recordedIntervals(dir.path);
    const first = intervals.filter((i) => ['p0', 'p1', 'p2', 'p3'].includes(i.label));
    expect(maxOverlap(first)).toBe(4);
    expect(maxOverlap(intervals)).toBe(4);
  });

  it('with passOutput, each prompt of a batch gets the previous batch outputs in input order', async () => {
    const processes = ['a', 'b', 'c', 'd'].map((word, i) =>
      fixtureProcess(dir.path, 'sleep-then-print', {
        processId: word,
        args: [i === 0 ? '0.2' : '0'],
        prompt: word,
      }),
    );
    await runBatched(processes, { batchSize: 2, passOutput: true });
    expect(processes[0]!.prompt).toBe('a');
    expect(processes[2]!.prompt).toBe('--- Previous output ---\na\n\nb\n--- New task ---\nc');
    expect(processes[3]!.prompt).toBe('--- Previous output ---\na\n\nb\n--- New task ---\nd');
  });

  it('with passOutput, a failed process passes nothing on: the next batch gets only the successful outputs', async () => {
    const echo = (word: string) =>
      fixtureProcess(dir.path, 'print-argv', { processId: word, prompt: word });
    const failing = (name: string) =>
      fixtureProcess(dir.path, 'exit-with', { processId: name, env: { EXIT_CODE: '1' } });
    // Batch 1: one success, one failure; batch 2: the same; batch 3 shows what batch 2 passed on.
    const processes = [echo('a'), failing('b'), echo('c'), failing('d'), echo('e')];
    const results = await runBatched(processes, { batchSize: 2, passOutput: true });
    const byId = new Map(results.map((result) => [result.processId, result]));
    // The failures had output to pass on: it is their result's output, and it went nowhere.
    for (const id of ['b', 'd']) {
      expect(byId.get(id)).toMatchObject({ status: 'failed', output: 'exiting with 1\n' });
    }
    const fromA = '--- Previous output ---\n["a"]\n--- New task ---\nc';
    expect(JSON.parse(byId.get('c')!.output)).toEqual([fromA]);
    expect(JSON.parse(byId.get('e')!.output)).toEqual([
      `--- Previous output ---\n${JSON.stringify([fromA])}\n--- New task ---\ne`,
    ]);
  });

  it('requires batchSize, naming it and the value received', async () => {
    const process = fixtureProcess(dir.path, 'print-ok');
    await expect(runBatched([process], {} as { batchSize: number })).rejects.toThrow(
      'Expected `batchSize` to be a positive integer, got `undefined` (undefined)',
    );
    await expect(runBatched([process], { batchSize: -2 })).rejects.toThrow('got `-2` (number)');
  });
});
