/**
 * A set of tasks run together under one limiter: the body of runParallel
 * and of each batch of runBatched. Results come in completion order.
 */
import { createLimiter } from './limiter.js';
import type { NormalizedRetry } from './options.js';
import { runTracked } from './run-tracked.js';
import type { StartGate } from './start-gate.js';
import type { StrategyTask } from './strategy-task.js';
import type { StrategyResult } from './types.js';

export interface PoolEntry {
  task: StrategyTask;
  /** Position in the strategy's input. */
  index: number;
}

export interface PoolOptions {
  concurrency: number;
  signal: AbortSignal | null;
  retry: NormalizedRetry | null;
  gate?: StartGate | null;
}

export async function runPool(
  entries: PoolEntry[],
  options: PoolOptions,
): Promise<StrategyResult[]> {
  const limiter = createLimiter(Math.max(1, options.concurrency));
  const results: StrategyResult[] = [];
  await Promise.all(
    entries.map(async ({ task, index }) => {
      results.push(await runTracked(task, index, { ...options, limiter }));
    }),
  );
  return results;
}
