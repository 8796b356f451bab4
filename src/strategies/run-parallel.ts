/**
 * runParallel: every process at once, or at most `maxWorkers` at a time (the
 * default is all of them: no hidden cap). Results in completion order, each
 * with its `index` in the input.
 */
import type { AgentProcess } from '../process/agent-process.js';
import {
  normalizeProcesses,
  normalizeRetry,
  normalizeSignal,
  optionsObject,
  positiveInteger,
} from './options.js';
import { withLinkedSignal } from './linked-signal.js';
import { runPool } from './pool.js';
import type { ParallelOptions, StrategyResult } from './types.js';

export async function runParallel(
  processes: AgentProcess[],
  options?: ParallelOptions,
): Promise<StrategyResult[]> {
  const list = normalizeProcesses('runParallel', processes);
  const raw = optionsObject('runParallel', options);
  const maxWorkers =
    raw.maxWorkers === undefined
      ? Math.max(1, list.length)
      : positiveInteger('maxWorkers', raw.maxWorkers);
  const retry = normalizeRetry(raw.retry);
  const entries = list.map((process, index) => ({ process, index }));
  return withLinkedSignal(normalizeSignal(raw.signal), (signal) =>
    runPool(entries, { concurrency: maxWorkers, signal, retry }),
  );
}
