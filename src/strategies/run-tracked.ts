/**
 * One task through all its tries. Each try passes the gate (admission and
 * budget, when there is one) and takes a slot of the shared limiter; the
 * backoff between tries holds neither. Before a retry the task announces it
 * (a 'retry' event on the process it replaces, or to the executor and
 * `onEvent` for a spec); each try logs apart (`<id>.attempt-N.log`). A try the
 * rate limit refused runs again without counting as a try. After the last
 * try the task settles its result (a worktree task's is released there). A
 * task with a signal of its own (a session's cancel of a queued task) ends on
 * it as on the strategy's: a try not started yet never starts.
 */
import type { ProcessResult } from '../process/result.js';
import type { RetryNotice } from '../tasks/executor.js';
import { backoffDelay, sleep } from './backoff.js';
import type { Limiter } from './limiter.js';
import type { NormalizedRetry } from './options.js';
import { retryReason } from './retry-policy.js';
import type { StartGate } from './start-gate.js';
import type { StrategyTask } from './strategy-task.js';
import type { StrategyResult } from './types.js';

export interface TrackOptions {
  limiter: Limiter;
  signal: AbortSignal | null;
  retry: NormalizedRetry | null;
  /** Admission and budget: may hold, refuse or repeat a try (`session.gate`). */
  gate?: StartGate | null;
}

type Outcome =
  | { kind: 'done'; result: ProcessResult }
  | { kind: 'again'; delayMs: number; reason: string; previous: ProcessResult };

/** Resolves with the last try's result, settled by its task (a worktree's artifacts); never rejects. */
export async function runTracked(
  task: StrategyTask,
  index: number,
  options: TrackOptions,
): Promise<StrategyResult> {
  // A task its executor can cancel alone listens to both signals.
  const own = task.signal;
  const signal =
    own && options.signal ? AbortSignal.any([options.signal, own]) : (own ?? options.signal);
  const last = await runTries(task, index, { ...options, signal });
  if (!task.settle) return last;
  const { index: _index, tries, ...result } = last;
  try {
    return { ...(await task.settle(result)), index, tries };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ...last, message: `${last.message}; after the last try: ${why}` };
  }
}

async function runTries(
  task: StrategyTask,
  index: number,
  options: TrackOptions,
): Promise<StrategyResult> {
  const { retry, signal } = options;
  let attempt = 1;
  for (let tries = 1; ;) {
    const outcome = await runGated(task, attempt, options);
    let notice: Omit<RetryNotice, 'attempt'>;
    if (outcome.kind === 'again') {
      const { kind: _kind, ...again } = outcome;
      notice = { ...again, rateLimited: true };
    } else {
      const result = outcome.result;
      let reason: string | null = null;
      try {
        reason = retry && tries < retry.attempts ? retryReason(result, retry) : null;
      } catch (error) {
        // The user's shouldRetry threw: no retry, and the result says why.
        const why = error instanceof Error ? error.message : String(error);
        return {
          ...result,
          message: `${result.message}; retry.shouldRetry threw: ${why}`,
          index,
          tries,
        };
      }
      if (!retry || reason === null) return { ...result, index, tries };
      notice = { delayMs: backoffDelay(tries, retry), reason, previous: result };
      tries++;
    }
    attempt++;
    try {
      task.retrying({ attempt, ...notice });
    } catch (error) {
      return { ...task.failure(error), index, tries };
    }
    await sleep(notice.delayMs, signal);
  }
}

/** One try through the gate (if any) and a slot of the limiter. */
async function runGated(
  task: StrategyTask,
  attempt: number,
  { limiter, signal, gate }: TrackOptions,
): Promise<Outcome> {
  const run = () => limiter.run(() => task.runTry(attempt, signal), signal);
  if (!gate) return { kind: 'done', result: await run() };
  let pass;
  try {
    pass = await gate.enter(task.id, signal, { drawsOnAccount: task.drawsOnAccount ?? true });
  } catch (error) {
    return { kind: 'done', result: task.failure(error) };
  }
  if (pass.kind === 'refused') {
    const { kind: _kind, ...notStarted } = pass;
    return { kind: 'done', result: await task.skip(attempt, notStarted) };
  }
  const result = await run();
  const verdict = pass.leave(result);
  if (verdict.kind === 'done') return verdict;
  if (signal?.aborted) return { kind: 'done', result };
  return { kind: 'again', delayMs: verdict.delayMs, reason: verdict.reason, previous: result };
}
