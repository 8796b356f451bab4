/**
 * Exponential backoff with jitter: the ceiling doubles from `minDelayMs` for
 * each retry, capped at `maxDelayMs`, and the delay is drawn from the upper
 * half of it ("equal jitter"), so agents that failed together do not all come
 * back in the same instant yet still wait at least half the ceiling.
 */

export interface BackoffSettings {
  minDelayMs: number;
  maxDelayMs: number;
}

/** The delay before retry number `retry` (1 for the first retry). */
export function backoffDelay(
  retry: number,
  settings: BackoffSettings,
  random = Math.random,
): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.minDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Waits `ms`; resolves false at once if the signal aborts first. */
export function sleep(ms: number, signal: AbortSignal | null): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
