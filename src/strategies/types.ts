/** The shapes the four strategies take and give. */
import type { StartGate } from './start-gate.js';
import type { ProcessResult } from '../process/result.js';
import type { TaskRunOptions } from './inputs.js';

/** A process's result, with where it stood in the input and how many runs it took. */
export type StrategyResult = ProcessResult & {
  /** The process's position in the input array. */
  index: number;
  /** How many runs it took: 1 without retries. */
  tries: number;
};

/** The result that ended a fallback chain, with every attempt's result in order. */
export type FallbackResult = StrategyResult & { attempts: StrategyResult[] };

export interface RetryOptions {
  /**
   * Total tries, the first one included: `attempts: 3` runs a process at most
   * three times. 1 means no retries.
   */
  attempts: number;
  /** The delay before the first retry (default 1000 ms); it doubles for each retry after. */
  minDelayMs?: number;
  /** The longest delay between tries (default 30000 ms). */
  maxDelayMs?: number;
  /**
   * Which outcomes to retry (default: transient API errors: 429, 529 and other 5xx).
   * Timeouts and cancels are never retried, whatever this says.
   */
  shouldRetry?: (result: ProcessResult) => boolean;
}

export interface ParallelOptions extends TaskRunOptions {
  /** Admission and budget before each try: pass `session.gate` (docs/limits.md). */
  gate?: StartGate | null;
  /** Most processes running at once (default: all of them). */
  maxWorkers?: number;
  /** Aborting it cancels every process: running ones end, pending ones never start. */
  signal?: AbortSignal;
  retry?: RetryOptions;
}

export interface SequentialOptions extends TaskRunOptions {
  /** Admission and budget before each try: pass `session.gate` (docs/limits.md). */
  gate?: StartGate | null;
  /** Give each prompt the outputs of the successful processes before it. */
  passOutput?: boolean;
  /** Stop after the first result that is not a success; the rest get no result. */
  stopOnFailure?: boolean;
  signal?: AbortSignal;
  retry?: RetryOptions;
}

export interface FallbackOptions extends TaskRunOptions {
  /** Admission and budget before each try: pass `session.gate` (docs/limits.md). */
  gate?: StartGate | null;
  /** Time limit for each attempt, replacing the process's own (default: the process's own). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface BatchedOptions extends TaskRunOptions {
  /** Admission and budget before each try: pass `session.gate` (docs/limits.md). */
  gate?: StartGate | null;
  /** Processes per batch; each batch runs fully in parallel. */
  batchSize: number;
  /** Give each prompt of a batch the outputs of the previous batch's successful processes. */
  passOutput?: boolean;
  signal?: AbortSignal;
  retry?: RetryOptions;
}
