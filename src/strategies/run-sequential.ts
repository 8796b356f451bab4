/**
 * runSequential: one task (spec or process) after another, in input order. With
 * `passOutput`, each prompt gets the outputs of the successful tasks
 * before it; with `stopOnFailure`, the first result that is not a success
 * ends the run and the rest get no result. A cancel outranks both: every
 * process left gets a 'cancelled' result.
 */
import { strategyTasks, type TaskInput } from './inputs.js';
import { createLimiter } from './limiter.js';
import { withLinkedSignal } from './linked-signal.js';
import { normalizeRetry, normalizeSignal, optionalBoolean, optionsObject } from './options.js';
import { withPreviousOutput } from './pass-output.js';
import { runTracked } from './run-tracked.js';
import { normalizeGate } from './start-gate.js';
import type { SequentialOptions, StrategyResult } from './types.js';

export async function runSequential(
  tasks: TaskInput[],
  options?: SequentialOptions,
): Promise<StrategyResult[]> {
  const raw = optionsObject('runSequential', options);
  const list = strategyTasks('runSequential', tasks, raw);
  const passOutput = optionalBoolean('passOutput', raw.passOutput);
  const stopOnFailure = optionalBoolean('stopOnFailure', raw.stopOnFailure);
  const retry = normalizeRetry(raw.retry);
  const gate = normalizeGate(raw.gate);
  return withLinkedSignal(normalizeSignal(raw.signal), async (signal) => {
    const track = { limiter: createLimiter(1), signal, retry, gate };
    const results: StrategyResult[] = [];
    const outputs: string[] = [];
    for (const [index, task] of list.entries()) {
      if (passOutput && !signal?.aborted) {
        task.prompt = withPreviousOutput(task.prompt, outputs);
      }
      const result = await runTracked(task, index, track);
      results.push(result);
      if (result.status === 'succeeded') outputs.push(result.output);
      else if (stopOnFailure && !signal?.aborted) break;
    }
    return results;
  });
}
