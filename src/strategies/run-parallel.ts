/**
 * runParallel: every task at once, or at most `maxWorkers` at a time (the
 * default is all of them: no hidden cap). Tasks are specs (run by `executor`)
 * or process objects. Results in completion order, each with its `index` in
 * the input.
 */
import { strategyTasks, type TaskInput } from './inputs.js';
import { normalizeRetry, normalizeSignal, optionsObject, positiveInteger } from './options.js';
import { withLinkedSignal } from './linked-signal.js';
import { runPool } from './pool.js';
import { normalizeGate } from './start-gate.js';
import type { ParallelOptions, StrategyResult } from './types.js';

/**
 * Runs every task (a TaskSpec or a process object), at most `maxWorkers` at a
 * time, and resolves once each has its final result (retries included).
 *
 * The results are in the order the tasks ended, not in input order: each
 * carries `index`, its task's position in `tasks`, so
 * `[...results].sort((a, b) => a.index - b.index)` gives input order.
 */
export async function runParallel(
  tasks: TaskInput[],
  options?: ParallelOptions,
): Promise<StrategyResult[]> {
  const raw = optionsObject('runParallel', options);
  const list = strategyTasks('runParallel', tasks, raw);
  const maxWorkers =
    raw.maxWorkers === undefined
      ? Math.max(1, list.length)
      : positiveInteger('maxWorkers', raw.maxWorkers);
  const retry = normalizeRetry(raw.retry);
  const gate = normalizeGate(raw.gate);
  const entries = list.map((task, index) => ({ task, index }));
  return withLinkedSignal(normalizeSignal(raw.signal), (signal) =>
    runPool(entries, { concurrency: maxWorkers, signal, retry, gate }),
  );
}
