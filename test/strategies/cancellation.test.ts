import fc from 'fast-check';
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { AgentProcess } from '../../src/process/agent-process.js';
import { runBatched } from '../../src/strategies/run-batched.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { runSequential } from '../../src/strategies/run-sequential.js';
import { runWithFallback } from '../../src/strategies/run-with-fallback.js';
import type { StrategyResult } from '../../src/strategies/types.js';
import { announcedPids, fixtureProcess, pidAlive, tempDir } from '../helpers/fixtures.js';

type Hang = 'sleep-forever' | 'spawn-grandchildren' | 'ignore-sigterm';

function hungProcess(dir: string, i: number, kind: Hang): AgentProcess {
  return fixtureProcess(dir, kind, {
    processId: `p${i}`,
    killGraceMs: 100,
    env: kind === 'spawn-grandchildren' ? { KEEP_PARENT: '1' } : {},
  });
}

const strategies: Record<
  string,
  (p: AgentProcess[], signal: AbortSignal) => Promise<StrategyResult[]>
> = {
  parallel: (p, signal) => runParallel(p, { maxWorkers: 2, signal }),
  sequential: (p, signal) => runSequential(p, { signal, stopOnFailure: true }),
  batched: (p, signal) => runBatched(p, { batchSize: 2, signal }),
  fallback: async (p, signal) => (await runWithFallback(p, { signal })).attempts,
};

describe('cancellation', () => {
  it('one signal cancels every process, starts no pending one and leaves nothing running', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(strategies)),
        fc.array(fc.constantFrom<Hang>('sleep-forever', 'spawn-grandchildren', 'ignore-sigterm'), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: 0, max: 150 }),
        async (strategy, plan, abortAfterMs) => {
          const run = tempDir();
          try {
            const processes = plan.map((kind, i) => hungProcess(run.path, i, kind));
            const pids: number[] = [];
            let startsAfterAbort = 0;
            const controller = new AbortController();
            for (const process of processes) {
              process.on('start', (info) => {
                pids.push(info.pid);
                if (controller.signal.aborted) startsAfterAbort++;
              });
              process.on('output', (chunk) => pids.push(...announcedPids(chunk.toString())));
            }
            const timer = setTimeout(() => controller.abort(), abortAfterMs);
            const results = await strategies[strategy]!(processes, controller.signal);
            clearTimeout(timer);
            expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(
              plan.map((_, i) => i),
            );
            for (const result of results) expect(result.status).toBe('cancelled');
            expect(startsAfterAbort).toBe(0);
            for (const pid of pids) expect(pidAlive(pid)).toBe(false);
          } finally {
            run.cleanup();
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a signal aborted before the call cancels everything without starting anything', async () => {
    const run = tempDir();
    try {
      const processes = [0, 1, 2].map((i) => hungProcess(run.path, i, 'sleep-forever'));
      let starts = 0;
      processes.forEach((p) => p.on('start', () => starts++));
      const results = await runParallel(processes, { signal: AbortSignal.abort() });
      expect(results.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
      expect(starts).toBe(0);
    } finally {
      run.cleanup();
    }
  });

  it('processes waiting for a slot get their cancelled result without waiting for running ones to die', async () => {
    const run = tempDir();
    try {
      const stubborn = fixtureProcess(run.path, 'ignore-sigterm', {
        processId: 'stubborn',
        killGraceMs: 3000,
      });
      const waiting = [1, 2].map((i) => hungProcess(run.path, i, 'sleep-forever'));
      const controller = new AbortController();
      // Abort once the fixture has said it ignores SIGTERM, so it really outlives the cancel.
      stubborn.on('output', (chunk) => {
        if (chunk.toString().includes('ignoring SIGTERM')) controller.abort();
      });
      const results = await runParallel([stubborn, ...waiting], {
        maxWorkers: 1,
        signal: controller.signal,
      });
      // The waiting two come first (between themselves in either order), the stubborn one last.
      expect(
        results
          .map((r) => r.processId)
          .slice(0, 2)
          .sort(),
      ).toEqual(['p1', 'p2']);
      expect(results[2]!.processId).toBe('stubborn');
      expect(results.every((r) => r.status === 'cancelled')).toBe(true);
    } finally {
      run.cleanup();
    }
  });

  it('listens to the caller signal once, whatever the number of processes, and stops listening after', async () => {
    const run = tempDir();
    try {
      const processes = Array.from({ length: 30 }, (_, i) =>
        fixtureProcess(run.path, 'print-ok', { processId: `p${i}` }),
      );
      const controller = new AbortController();
      const seen: number[] = [];
      processes.forEach((p) =>
        p.on('start', () => seen.push(getEventListeners(controller.signal, 'abort').length)),
      );
      await runParallel(processes, { maxWorkers: 4, signal: controller.signal });
      expect(Math.max(...seen)).toBe(1);
      expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    } finally {
      run.cleanup();
    }
  });

  it('an abort from inside another process start listener still cancels a process that is just spawning', async () => {
    const run = tempDir();
    try {
      // A safety timeout: without the fix the second process would run until it.
      const processes = [0, 1, 2].map((i) =>
        fixtureProcess(run.path, 'sleep-forever', {
          processId: `p${i}`,
          timeoutMs: 5000,
          killGraceMs: 100,
        }),
      );
      const controller = new AbortController();
      processes[0]!.on('start', () => controller.abort());
      const results = await runParallel(processes, { signal: controller.signal });
      expect(results.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    } finally {
      run.cleanup();
    }
  });
});
