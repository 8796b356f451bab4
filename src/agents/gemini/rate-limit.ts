/**
 * Gemini's rate-limit news, read as an agent-neutral signal (docs/limits.md):
 * a quota refusal (429, RESOURCE_EXHAUSTED) that gemini gave up on ends the
 * run with a `result` error whose text carries the API's retry delay
 * ("Suggested retry after 37s."): a rejected limit that resets then. Without
 * a delay the result's 429 is left to admission's backoff.
 */
import type { RateLimitSignal } from '../../process/rate-limit.js';

const QUOTA =
  /Resource has been exhausted|RESOURCE_EXHAUSTED|quota|"code"\s*:\s*429|status:?\s*429/i;
const RETRY_AFTER = /retry (?:after|in) (\d+(?:\.\d+)?)\s*s/i;

export function geminiRateLimitOf(event: Record<string, unknown>): RateLimitSignal | null {
  if (event.type !== 'result' || event.status !== 'error') return null;
  const error = event.error as { message?: unknown } | undefined;
  const message = typeof error?.message === 'string' ? error.message : '';
  if (!QUOTA.test(message)) return null;
  const delay = RETRY_AFTER.exec(message);
  if (!delay) return null;
  const at = typeof event.timestamp === 'string' ? Date.parse(event.timestamp) : Number.NaN;
  const from = Number.isNaN(at) ? Date.now() : at;
  return {
    kind: 'status',
    status: 'rejected',
    resetsAt: new Date(from + Math.ceil(Number(delay[1]) * 1000)),
    limitType: 'gemini quota',
    utilization: 1,
  };
}
