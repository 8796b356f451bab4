/**
 * One process through all its tries. Each try takes a slot of the shared
 * limiter; the backoff between tries holds none. A retry is a clone with the
 * next attempt number (so it logs to `<id>.attempt-N.log` and keeps the same
 * listeners), announced first with a 'retry' event on the process it replaces.
 */
import type { AgentProcess } from '../process/agent-process.js';
import { backoffDelay, sleep } from './backoff.js';
import { exceptionResult } from './exception-result.js';
import type { Limiter } from './limiter.js';
import type { NormalizedRetry } from './options.js';
import { retryReason } from './retry-policy.js';
import { runOnce } from './run-once.js';
import type { StrategyResult } from './types.js';

export interface TrackOptions {
  limiter: Limiter;
  signal: AbortSignal | null;
  retry: NormalizedRetry | null;
}

/** Resolves with the last try's result; never rejects. */
export async function runTracked(
  process: AgentProcess,
  index: number,
  options: TrackOptions,
): Promise<StrategyResult> {
  const { limiter, signal, retry } = options;
  let current = process;
  for (let tries = 1; ; tries++) {
    const running = current;
    const result = await limiter.run(() => runOnce(running, signal), signal);
    const reason =
      retry && tries < retry.attempts ? safeReason(() => retryReason(result, retry)) : null;
    if (!retry || reason === null) return { ...result, index, tries };
    let next: AgentProcess;
    try {
      next = running.clone({ attempt: tries + 1 });
    } catch (error) {
      return { ...exceptionResult(running, error), index, tries };
    }
    const delayMs = backoffDelay(tries, retry);
    const info = {
      processId: running.processId,
      attempt: tries + 1,
      delayMs,
      reason,
      previous: result,
    };
    try {
      running.emit('retry', info);
    } catch {
      // A listener's failure must not stop the retry it was told about.
    }
    current = next;
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
