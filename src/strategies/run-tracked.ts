/**
 * One task through all its tries. Each try takes a slot of the shared
 * limiter; the backoff between tries holds none. Before a retry the task
 * announces it (a 'retry' event on the process it replaces, or to the
 * executor and `onEvent` for a spec); each try logs apart (`<id>.attempt-N.log`).
 */
import { backoffDelay, sleep } from './backoff.js';
import type { Limiter } from './limiter.js';
import type { NormalizedRetry } from './options.js';
import { retryReason } from './retry-policy.js';
import type { StrategyTask } from './strategy-task.js';
import type { StrategyResult } from './types.js';

export interface TrackOptions {
  limiter: Limiter;
  signal: AbortSignal | null;
  retry: NormalizedRetry | null;
}

/** Resolves with the last try's result; never rejects. */
export async function runTracked(
  task: StrategyTask,
  index: number,
  options: TrackOptions,
): Promise<StrategyResult> {
  const { limiter, signal, retry } = options;
  for (let tries = 1; ; tries++) {
    const attempt = tries;
    const result = await limiter.run(() => task.runTry(attempt, signal), signal);
    const reason =
      retry && tries < retry.attempts ? safeReason(() => retryReason(result, retry)) : null;
    if (!retry || reason === null) return { ...result, index, tries };
    const delayMs = backoffDelay(tries, retry);
    try {
      task.retrying({ attempt: tries + 1, delayMs, reason, previous: result });
    } catch (error) {
      return { ...task.failure(error), index, tries };
    }
    await sleep(delayMs, signal);
  }
}

function safeReason(decide: () => string | null): string | null {
  try {
    return decide();
  } catch {
    return null;
  }
}
