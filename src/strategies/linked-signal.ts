/**
 * A strategy listens to the caller's signal once, through a signal of its own:
 * every running process, queued task and backoff wait listens to that one, so
 * a run of 200 processes adds one listener to the caller's signal (not 200,
 * which would trip Node's listener-leak warning), and removes it when done.
 */
import { setMaxListeners } from 'node:events';

export async function withLinkedSignal<T>(
  outer: AbortSignal | null,
  run: (signal: AbortSignal | null) => Promise<T>,
): Promise<T> {
  if (!outer) return run(null);
  const controller = new AbortController();
  // One listener per running process and per queued task is expected here.
  setMaxListeners(0, controller.signal);
  const forward = () => controller.abort(outer.reason);
  if (outer.aborted) forward();
  else outer.addEventListener('abort', forward, { once: true });
  try {
    return await run(controller.signal);
  } finally {
    outer.removeEventListener('abort', forward);
  }
}
