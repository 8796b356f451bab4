/**
 * A start slot: what a process waits for before it starts, such as a
 * session's limiter, so that a process object the session made counts against
 * the session's `maxWorkers` like every task the session runs. The slot is
 * held until the run has ended. A cancel while it waits lets it through at
 * once, and the run then ends unstarted.
 */
export type StartSlot = <T>(start: () => Promise<T>, signal: AbortSignal) => Promise<T>;

/** Runs `start` in `slot`; `waiting` aborted (a cancel) or `signal` aborted stops the wait. */
export async function inSlot<T>(
  slot: StartSlot,
  start: () => Promise<T>,
  waiting: AbortController,
  signal: AbortSignal | null,
): Promise<T> {
  const stop = () => waiting.abort();
  if (signal?.aborted) stop();
  else signal?.addEventListener('abort', stop, { once: true });
  try {
    return await slot(start, waiting.signal);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
