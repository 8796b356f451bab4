/**
 * What the strategy registry knows about one strategy: its names, a line for
 * help texts and docs, which common options it reads (the CLI refuses the
 * others with the sentence given), and how to call it. One file per strategy
 * exports its definition beside its runner.
 */
import type { TaskInput, TaskRunOptions } from './inputs.js';
import type { StartGate } from './start-gate.js';
import type { RetryOptions, StrategyResult } from './types.js';

/** Every option a strategy may read; each reads only those its `takes` lists. */
export interface StrategyCallOptions extends TaskRunOptions {
  signal?: AbortSignal;
  retry?: RetryOptions;
  maxWorkers?: number;
  passOutput?: boolean;
  stopOnFailure?: boolean;
  batchSize?: number;
  /** Admission and budget before each try: a session's `gate` (docs/limits.md). */
  gate?: StartGate | null;
}

export interface StrategyOutcome {
  /** One result per task that ran (in completion order for the parallel ones). */
  results: StrategyResult[];
  /** For strategies whose tasks are alternatives: the result that stands. */
  final: StrategyResult | null;
}

export type StrategyOption = 'maxWorkers' | 'retry' | 'passOutput' | 'stopOnFailure' | 'batchSize';

export interface StrategyDefinition {
  /** The CLI command and the name reports use, e.g. "parallel". */
  readonly name: string;
  /** The library function, e.g. "runParallel". */
  readonly runner: string;
  /** One line for help texts and docs. */
  readonly summary: string;
  /** One command line that shows it. */
  readonly example: string;
  /** Its page under docs/strategies/, e.g. "parallel.md". */
  readonly page: string;
  /** The common options it reads. */
  readonly takes: readonly StrategyOption[];
  /** Why an option it does not take does not apply, said to whoever gives it. */
  readonly refuses?: Partial<Record<'maxWorkers' | 'retry', string>>;
  /** Its tasks are alternatives: each --model is an attempt, and one result stands. */
  readonly alternatives?: boolean;
  run(tasks: TaskInput[], options: StrategyCallOptions): Promise<StrategyOutcome>;
}
