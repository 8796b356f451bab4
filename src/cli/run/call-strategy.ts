/** Calls the strategy a command names (from the registry) on the run's specs, with the options its flags set. */
import type { StrategyOutcome } from '../../strategies/definition.js';
import { getStrategy } from '../../strategies/registry.js';
import type { Executor } from '../../tasks/executor.js';
import type { TaskSpec } from '../../tasks/task-spec.js';
import type { StartGate } from '../../strategies/start-gate.js';
import type { RunConfig } from '../options/normalize-run-flags.js';

/** The results, and for a strategy of alternatives (fallback) the one that stands. */
export type StrategyRun = StrategyOutcome;

export function callStrategy(
  config: RunConfig,
  specs: TaskSpec[],
  signal: AbortSignal,
  executor: Executor,
  gate: StartGate | null = null,
): Promise<StrategyRun> {
  return getStrategy(config.strategy).run(specs, {
    executor,
    signal,
    gate,
    ...(config.retries > 0 ? { retry: { attempts: config.retries + 1 } } : {}),
    ...(config.maxWorkers === undefined ? {} : { maxWorkers: config.maxWorkers }),
    passOutput: config.passOutput,
    stopOnFailure: config.stopOnFailure,
    batchSize: config.batchSize,
  });
}
