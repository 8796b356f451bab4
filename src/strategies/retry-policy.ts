/**
 * Which outcomes are worth another try. By default only transient API errors:
 * rate limited (429), overloaded (529) and other server errors (5xx). Never a
 * timeout the user set, never a cancel, never the agent's own clean failure.
 */
import { apiStatusWords } from '../process/api-status.js';
import type { ProcessResult } from '../process/result.js';
import type { NormalizedRetry } from './options.js';

/** True for results that failed on a transient API error: 429 or any 5xx (529 included). */
export function isTransientFailure(result: ProcessResult): boolean {
  const status = result.apiErrorStatus;
  if (result.status !== 'failed' || status === null) return false;
  return status === 429 || (status >= 500 && status <= 599);
}

/** Why the result is retried, in words, or null when it is not. */
export function retryReason(result: ProcessResult, retry: NormalizedRetry): string | null {
  if (result.status === 'succeeded' || result.status === 'timed_out') return null;
  if (result.status === 'cancelled') return null;
  const wanted = retry.shouldRetry ? retry.shouldRetry(result) : isTransientFailure(result);
  if (!wanted) return null;
  const status = result.apiErrorStatus;
  return status === null ? result.message : `API error ${status} (${apiStatusWords(status)})`;
}
