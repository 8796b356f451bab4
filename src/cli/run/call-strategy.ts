/** Calls the strategy a command names on the run's specs, with the options its flags set. */
import type { Executor } from '../../tasks/executor.js';
import type { TaskSpec } from '../../tasks/task-spec.js';
import type { RetryOptions, StrategyResult } from '../../strategies/types.js';
import type { RunConfig } from '../options/normalize-run-flags.js';

export interface StrategyRun {
  results: StrategyResult[];
  /** fallback: the result that stands. */
  final: StrategyResult | null;
}

async function loadStrategies() {
  const [parallel, sequential, batched, fallback] = await Promise.all([
    import('../../strategies/run-parallel.js'),
    import('../../strategies/run-sequential.js'),
    import('../../strategies/run-batched.js'),
    import('../../strategies/run-with-fallback.js'),
  ]);
  return { ...parallel, ...sequential, ...batched, ...fallback };
}

export async function callStrategy(
  config: RunConfig,
  specs: TaskSpec[],
  signal: AbortSignal,
  executor: Executor,
): Promise<StrategyRun> {
  const strategies = await loadStrategies();
  const retry: RetryOptions | undefined =
    config.retries > 0 ? { attempts: config.retries + 1 } : undefined;
  switch (config.strategy) {
    case 'parallel':
      return {
        results: await strategies.runParallel(specs, {
          maxWorkers: config.maxWorkers,
          signal,
          retry,
          executor,
        }),
        final: null,
      };
    case 'sequential': {
      const options = {
        passOutput: config.passOutput,
        stopOnFailure: config.stopOnFailure,
        signal,
        retry,
        executor,
      };
      return { results: await strategies.runSequential(specs, options), final: null };
    }
    case 'batch': {
      const options = {
        batchSize: config.batchSize,
        passOutput: config.passOutput,
        signal,
        retry,
        executor,
      };
      return { results: await strategies.runBatched(specs, options), final: null };
    }
    case 'fallback': {
      const { attempts, ...final } = await strategies.runWithFallback(specs, { signal, executor });
      return { results: attempts, final };
    }
  }
}
