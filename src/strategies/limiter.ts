/**
 * The one concurrency limiter under every strategy (p-limit underneath).
 * Cancellation-aware: once the signal aborts, tasks still waiting for a slot
 * run at once, outside the limit, because a cancelled process resolves without
 * starting anything; they must not wait for running trees to finish dying.
 */
import pLimit, { type LimitFunction } from 'p-limit';

export interface Limiter {
  /** Runs `task` when a slot is free (or at once when `signal` has aborted). */
  run<T>(task: () => Promise<T>, signal?: AbortSignal | null): Promise<T>;
  /** Tasks holding a slot now. */
  readonly activeCount: number;
  /** Tasks waiting for a slot. */
  readonly pendingCount: number;
}

export function createLimiter(concurrency: number): Limiter {
  const limit: LimitFunction = pLimit(concurrency);
  return {
    run: (task, signal) => (signal ? runCancellable(limit, task, signal) : limit(task)),
    get activeCount() {
      return limit.activeCount;
    },
    get pendingCount() {
      return limit.pendingCount;
    },
  };
}

function runCancellable<T>(
  limit: LimitFunction,
  task: () => Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  if (signal.aborted) return task();
  return new Promise<T>((resolve, reject) => {
    let claimed = false;
    const claim = (): Promise<void> | undefined => {
      if (claimed) return undefined;
      claimed = true;
      signal.removeEventListener('abort', onAbort);
      return task().then(resolve, reject);
    };
    const onAbort = () => void claim();
    signal.addEventListener('abort', onAbort, { once: true });
    // The slot is held until the task settles; a task already claimed by an abort frees it at once.
    void limit(async () => claim());
  });
}
