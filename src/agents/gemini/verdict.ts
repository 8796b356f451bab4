/**
 * Gemini CLI's verdict on a run, from the `result` event and the exit code.
 * Its own exit codes: 41 authentication, 42 bad input, 44 sandbox, 52
 * configuration, 53 turn limit, 130 cancelled. An API error it gave up on
 * ends the run with exit code (HTTP status mod 256): 401 → 145, 429 → 173,
 * 500 → 244; the status is read back from the error text, else from the code.
 */
import type { AgentFindings } from '../../process/agent-driver.js';
import { excerpt } from '../json-line.js';
import type { GeminiEvent } from './stream-events.js';

export const GEMINI_EXIT_CODES: Record<number, string> = {
  41: 'authentication failed',
  42: 'invalid input',
  44: 'sandbox error',
  52: 'configuration error',
  53: 'turn limit reached',
  130: 'cancelled',
};

/** The HTTP status (400–599) whose value mod 256 is this exit code, if any. */
export function statusFromExitCode(exitCode: number): number | null {
  if (exitCode >= 144 && exitCode <= 255) return exitCode + 256;
  if (exitCode >= 0 && exitCode <= 87) return exitCode + 512;
  return null;
}

/** The API status in gemini's error text: `"code":429` or `status: 429`, else null. */
export function statusFromText(text: string): number | null {
  const match = /"code"\s*:\s*(\d{3})\b|\bstatus:?\s*(\d{3})\b/.exec(text);
  return match ? Number(match[1] ?? match[2]) : null;
}

function apiStatus(message: string, exitCode: number): number | null {
  const stated = statusFromText(message);
  if (stated !== null) return stated;
  if (!/API Error/i.test(message) || GEMINI_EXIT_CODES[exitCode]) return null;
  return statusFromExitCode(exitCode);
}

export function geminiVerdict(
  result: GeminiEvent | null,
  lastError: string | null,
  exitCode: number | null,
): Pick<AgentFindings, 'status' | 'reason' | 'apiErrorStatus' | 'isError'> {
  if (exitCode === null) return {};
  const known = GEMINI_EXIT_CODES[exitCode];
  if (result?.status === 'error' || (exitCode !== 0 && result === null)) {
    const message = result?.error?.message ?? lastError ?? '';
    const status = apiStatus(message, exitCode);
    const what = known ?? (status !== null ? `API error ${status}` : `exit code ${exitCode}`);
    return {
      status: 'failed',
      isError: true,
      apiErrorStatus: status,
      reason: message ? `${what}: ${excerpt(message)}` : what,
    };
  }
  if (result === null) return { status: 'failed', reason: 'exited 0 but reported no result event' };
  if (result.status !== 'success') {
    return {
      status: 'failed',
      isError: true,
      reason: `the agent stopped with ${String(result.status)}`,
    };
  }
  if (exitCode !== 0) {
    return {
      status: 'failed',
      reason: `exit code ${exitCode}${known ? ` (${known})` : ''} after a result`,
    };
  }
  return { status: 'succeeded', isError: false };
}
