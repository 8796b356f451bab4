import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RetryInfo } from '../../src/process/agent-process.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { runSequential } from '../../src/strategies/run-sequential.js';
import { fixtureProcess, tempDir } from '../helpers/fixtures.js';
import { watchRunning } from './support.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

const anyFailure = { shouldRetry: (r: { status: string }) => r.status === 'failed', minDelayMs: 0 };

describe('retries', () => {
  it('retries until a success or `attempts` tries, announcing each retry and logging each try apart', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 5 }),
        async (attempts, succeedOn) => {
          const run = tempDir();
          try {
            const process = fixtureProcess(run.path, 'fail-until', {
              processId: 'flaky',
              env: { COUNTER_FILE: join(run.path, 'count'), SUCCEED_ON: String(succeedOn) },
            });
            const retries: RetryInfo[] = [];
            process.on('retry', (info) => retries.push(info));
            const [result] = await runParallel([process], { retry: { attempts, ...anyFailure } });
            const tries = Math.min(attempts, succeedOn);
            expect(result!.tries).toBe(tries);
            expect(result!.status).toBe(succeedOn <= attempts ? 'succeeded' : 'failed');
            expect(retries.map((r) => r.attempt)).toEqual(
              Array.from({ length: tries - 1 }, (_, i) => i + 2),
            );
            expect(
              retries.every((r) => r.previous.status === 'failed' && r.processId === 'flaky'),
            ).toBe(true);
            expect(result!.logFile).toBe(
              join(run.path, 'logs', tries === 1 ? 'flaky.log' : `flaky.attempt-${tries}.log`),
            );
            for (let n = 2; n <= tries; n++)
              expect(existsSync(join(run.path, 'logs', `flaky.attempt-${n}.log`))).toBe(true);
          } finally {
            run.cleanup();
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('by default does not retry a clean failure of the agent', async () => {
    const process = fixtureProcess(dir.path, 'exit-with', { env: { EXIT_CODE: '1' } });
    const [result] = await runParallel([process], { retry: { attempts: 3, minDelayMs: 0 } });
    expect(result!.status).toBe('failed');
    expect(result!.tries).toBe(1);
  });

  it('never retries a timeout, even when shouldRetry says yes', async () => {
    const process = fixtureProcess(dir.path, 'sleep-forever', { timeoutMs: 50, killGraceMs: 100 });
    const [result] = await runParallel([process], {
      retry: { attempts: 3, minDelayMs: 0, shouldRetry: () => true },
    });
    expect(result!.status).toBe('timed_out');
    expect(result!.tries).toBe(1);
  });

  it('a retry waits for a free slot, so maxWorkers still holds', async () => {
    const processes = [0, 1, 2].map((i) =>
      fixtureProcess(dir.path, 'fail-until', {
        processId: `p${i}`,
        env: { COUNTER_FILE: join(dir.path, `count-${i}`), SUCCEED_ON: '3' },
      }),
    );
    const running = watchRunning(processes);
    const results = await runParallel(processes, {
      maxWorkers: 2,
      retry: { attempts: 3, ...anyFailure },
    });
    expect(results.map((r) => r.tries)).toEqual([3, 3, 3]);
    expect(running.max()).toBeLessThanOrEqual(2);
  });

  it('a cancel during the backoff ends the wait at once with a cancelled result', async () => {
    const process = fixtureProcess(dir.path, 'exit-with', { env: { EXIT_CODE: '1' } });
    const controller = new AbortController();
    process.on('retry', () => setTimeout(() => controller.abort(), 20));
    const [result] = await runSequential([process], {
      signal: controller.signal,
      retry: {
        attempts: 3,
        minDelayMs: 600_000,
        maxDelayMs: 600_000,
        shouldRetry: anyFailure.shouldRetry,
      },
    });
    expect(result!.status).toBe('cancelled');
    expect(result!.tries).toBe(2);
  });

  it('rejects retry options that are not valid, naming the option', async () => {
    const process = fixtureProcess(dir.path, 'print-ok');
    await expect(runParallel([process], { retry: { attempts: 0 } })).rejects.toThrow(
      'Expected `retry.attempts` to be a positive integer, got `0` (number)',
    );
    await expect(
      runParallel([process], { retry: { attempts: 2, minDelayMs: 10, maxDelayMs: 5 } }),
    ).rejects.toThrow('Expected `retry.maxDelayMs` (5) to be at least `retry.minDelayMs` (10)');
    await expect(
      runParallel([process], { retry: 3 as unknown as { attempts: number } }),
    ).rejects.toThrow('Expected `retry` to be an object like { attempts: 3 }, got `3` (number)');
  });
});
