/**
 * runBatched: the input in batches of `batchSize`, in order; each batch runs
 * fully in parallel (a batch of 8 runs 8 at once) and the next starts only when
 * every process of the previous one has its final result. With `passOutput`,
 * each prompt of a batch gets the outputs of the previous batch's successful
 * processes, in input order. Results: batch by batch, completion order within.
 */
import { strategyTasks, type TaskInput } from './inputs.js';
import { withLinkedSignal } from './linked-signal.js';
import {
  normalizeRetry,
  normalizeSignal,
  optionalBoolean,
  optionsObject,
  positiveInteger,
} from './options.js';
import { withPreviousOutput } from './pass-output.js';
import { runPool } from './pool.js';
import { normalizeGate } from './start-gate.js';
import type { BatchedOptions, StrategyResult } from './types.js';

export async function runBatched(
  tasks: TaskInput[],
  options: BatchedOptions,
): Promise<StrategyResult[]> {
  const raw = optionsObject('runBatched', options);
  const list = strategyTasks('runBatched', tasks, raw);
  const batchSize = positiveInteger('batchSize', raw.batchSize);
  const passOutput = optionalBoolean('passOutput', raw.passOutput);
  const retry = normalizeRetry(raw.retry);
  const gate = normalizeGate(raw.gate);
  return withLinkedSignal(normalizeSignal(raw.signal), async (signal) => {
    const results: StrategyResult[] = [];
    let previous: string[] = [];
    for (let start = 0; start < list.length; start += batchSize) {
      const batch = list
        .slice(start, start + batchSize)
        .map((task, offset) => ({ task, index: start + offset }));
      if (passOutput && !signal?.aborted) {
        for (const { task } of batch) {
          task.prompt = withPreviousOutput(task.prompt, previous);
        }
      }
      const done = await runPool(batch, { concurrency: batchSize, signal, retry, gate });
      results.push(...done);
      previous = done
        .filter((result) => result.status === 'succeeded')
        .sort((a, b) => a.index - b.index)
        .map((result) => result.output);
    }
    return results;
  });
}
