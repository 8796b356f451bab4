/** The result of a queued task that no worker ran to its end: cancelled before, or failed by the queue. */
import { notStartedResult } from '../process/build-result.js';
import type { ProcessResult } from '../process/result.js';

export function unrunResult(
  processId: string,
  status: 'cancelled' | 'failed',
  message: string,
): ProcessResult {
  return notStartedResult(processId, '', status, message);
}
