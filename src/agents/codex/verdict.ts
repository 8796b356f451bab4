/**
 * Codex's verdict on a run, read from the whole stream: a `turn.failed` or an
 * `error` event is a failure whatever the exit code, and so is a run that
 * never completed a turn. Codex reports API errors only in words, so the HTTP
 * status is read from them: "unexpected status 401 …", "last status: 429 …",
 * "You've hit your usage limit … try again at …" (a rate limit), and "We're
 * currently experiencing high demand" (codex's words for a 5xx).
 */
import type { AgentFindings } from '../../process/agent-driver.js';
import { excerpt } from '../json-line.js';

export interface CodexRunFacts {
  /** The message of the last `turn.failed` or `error` event, when there was one. */
  failure: string | null;
  completedTurns: number;
}

const USAGE_LIMIT = /usage limit/i;
const STATUS_IN_WORDS = /\bstatus:?\s*(\d{3})\b/i;
const SERVER_BUSY = /high demand|overloaded|internal server error/i;

/** The HTTP status a codex error message stands for, or null when it names none. */
export function codexErrorStatus(message: string): number | null {
  if (USAGE_LIMIT.test(message)) return 429;
  const stated = STATUS_IN_WORDS.exec(message);
  if (stated) return Number(stated[1]);
  if (SERVER_BUSY.test(message)) return 500;
  return null;
}

export function codexVerdict(
  facts: CodexRunFacts,
  exitCode: number | null,
): Pick<AgentFindings, 'status' | 'reason' | 'apiErrorStatus' | 'isError'> {
  if (exitCode === null) return {};
  if (facts.failure !== null) {
    const status = codexErrorStatus(facts.failure);
    const what = USAGE_LIMIT.test(facts.failure)
      ? 'usage limit reached'
      : status !== null
        ? `API error ${status}`
        : 'the turn failed';
    return {
      status: 'failed',
      isError: true,
      apiErrorStatus: status,
      reason: `${what}: ${excerpt(facts.failure)}`,
    };
  }
  if (facts.completedTurns === 0) {
    return { status: 'failed', reason: `exit code ${exitCode} without a completed turn` };
  }
  if (exitCode !== 0)
    return { status: 'failed', reason: `exit code ${exitCode} after the turn completed` };
  return { status: 'succeeded', isError: false };
}
