/**
 * Codex's own retries, read from its stream: while it retries a call it
 * prints `{"type":"error","message":"Reconnecting... 1/5 (… last status: 429
 * Too Many Requests)"}`; such an event is a retry, not the run's failure.
 */
import type { AgentRetry } from '../../process/agent-driver.js';
import { codexErrorStatus } from './verdict.js';

const RECONNECTING = /^Reconnecting\.\.\.\s*(\d+)\/(\d+)/;

/** The retry a codex event announces, or null when it is not one. */
export function codexRetryOf(event: Record<string, unknown>): AgentRetry | null {
  if (event.type !== 'error' || typeof event.message !== 'string') return null;
  const match = RECONNECTING.exec(event.message);
  if (!match) return null;
  const status = codexErrorStatus(event.message);
  return {
    agentAttempt: Number(match[1]),
    maxRetries: Number(match[2]),
    delayMs: null,
    errorStatus: status,
    error: status === 429 ? 'rate_limit' : status !== null && status >= 500 ? 'overloaded' : null,
  };
}
