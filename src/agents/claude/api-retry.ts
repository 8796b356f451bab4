/**
 * Claude's own retry of a failed API call (`{"type":"system","subtype":"api_retry"}`),
 * read as the agent-neutral fields of an `agent-retry` record.
 */
import type { AgentRetry } from '../../process/agent-driver.js';

const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** The retry an event announces, or null when it is not one. */
export function apiRetryOf(event: Record<string, unknown>): AgentRetry | null {
  if (event.type !== 'system' || event.subtype !== 'api_retry') return null;
  return {
    agentAttempt: numberOrNull(event.attempt),
    maxRetries: numberOrNull(event.max_retries),
    delayMs: numberOrNull(event.retry_delay_ms),
    errorStatus: numberOrNull(event.error_status),
    error: typeof event.error === 'string' && event.error !== '' ? event.error : null,
  };
}
