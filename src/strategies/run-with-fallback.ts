/**
 * runWithFallback: tries each process in order until one succeeds, each with
 * `timeoutMs` when given. Resolves with the success (or the last failure) and
 * `attempts`, every attempt's result in order. A timed-out attempt's whole
 * process tree is gone before the next attempt starts (the core ends the tree
 * before run() resolves). A cancel gives every process left a 'cancelled'
 * result, so the attempts then cover the whole input.
 */
import { describeValue } from '../process/validate.js';
import { strategyTasks, type TaskInput } from './inputs.js';
import { createLimiter } from './limiter.js';
import { withLinkedSignal } from './linked-signal.js';
import { normalizeSignal, optionsObject, positiveInteger } from './options.js';
import { runTracked } from './run-tracked.js';
import { normalizeGate } from './start-gate.js';
import type { FallbackOptions, FallbackResult, StrategyResult } from './types.js';

export async function runWithFallback(
  tasks: TaskInput[],
  options?: FallbackOptions,
): Promise<FallbackResult> {
  const raw = optionsObject('runWithFallback', options);
  const list = strategyTasks('runWithFallback', tasks, raw);
  if (list.length === 0) {
    throw new TypeError(
      `Expected runWithFallback's tasks to hold at least one task, got ${describeValue(tasks)}`,
    );
  }
  const timeoutMs =
    raw.timeoutMs === undefined ? null : positiveInteger('timeoutMs', raw.timeoutMs);
  return withLinkedSignal(normalizeSignal(raw.signal), async (signal) => {
    const track = {
      limiter: createLimiter(1),
      signal,
      retry: null,
      gate: normalizeGate(raw.gate),
    };
    const attempts: StrategyResult[] = [];
    for (const [index, task] of list.entries()) {
      // A copy carries the task's options, prompt and listeners, with this attempt's limit.
      const attempt = timeoutMs === null ? task : task.withTimeout(timeoutMs);
      const result = await runTracked(attempt, index, track);
      attempts.push(result);
      if (result.status === 'succeeded') break;
    }
    return { ...attempts[attempts.length - 1]!, attempts };
  });
}
