/**
 * Claude's verdict on a run, read from the whole `result` event and the exit
 * code: an API error reported with exit code 1 but `subtype: "success"` is a
 * failure, and so is a clean exit with no result at all.
 */
import type { AgentFindings } from '../../process/agent-driver.js';
import { apiStatusWords } from '../../process/api-status.js';
import type { ClaudeResultEvent } from './stream-events.js';

function excerpt(text: string | undefined, max = 200): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}...` : flat;
}

export function claudeVerdict(
  result: ClaudeResultEvent | null,
  exitCode: number | null,
): Pick<AgentFindings, 'status' | 'reason'> {
  if (exitCode === null) return {};
  if (!result) {
    if (exitCode === 0)
      return { status: 'failed', reason: 'exited 0 but reported no result event' };
    return {};
  }
  const apiStatus = typeof result.api_error_status === 'number' ? result.api_error_status : null;
  if (apiStatus !== null) {
    return {
      status: 'failed',
      reason: `API error ${apiStatus} (${apiStatusWords(apiStatus)}): ${excerpt(result.result)}`,
    };
  }
  if (result.is_error === true) {
    const kind = typeof result.api_error === 'string' ? result.api_error : result.subtype;
    return {
      status: 'failed',
      reason: `the agent reported an error (${kind ?? 'error'}): ${excerpt(result.result || errorsOf(result))}`,
    };
  }
  if (result.subtype !== undefined && result.subtype !== 'success') {
    return { status: 'failed', reason: `the agent stopped with ${result.subtype}` };
  }
  if (exitCode !== 0)
    return { status: 'failed', reason: `exit code ${exitCode} after a result event` };
  return { status: 'succeeded' };
}

/** The result's `errors` list (claude's words for a stop such as `error_max_budget_usd`), joined. */
function errorsOf(result: ClaudeResultEvent): string {
  const errors = (result as { errors?: unknown }).errors;
  return Array.isArray(errors) ? errors.filter((e) => typeof e === 'string').join('; ') : '';
}
