/**
 * What an agent's stream says about the account's rate limits, in agent-neutral
 * words. A driver reads its own events into these (`AgentDriver.rateLimitOf`);
 * the admission controller acts on them without knowing the agent.
 */

/** The account's answer about a limit (Claude's `rate_limit_event`, a subscription's headers). */
export interface RateLimitStatus {
  kind: 'status';
  /** `allowed_warning`: close to the limit; `rejected`: over it until `resetsAt`. */
  status: 'allowed' | 'allowed_warning' | 'rejected';
  /** When the limit resets, when known. */
  resetsAt: Date | null;
  /** Which limit: `five_hour`, `seven_day`, ... (null when not said). */
  limitType: string | null;
  /** How much of it is used, 0 to 1, when said. */
  utilization: number | null;
}

/** The agent retries an API call the API refused as too much: 429 or 529/overloaded. */
export interface RateLimitRetry {
  kind: 'retry';
  /** `rate_limit` or `overloaded`. */
  error: 'rate_limit' | 'overloaded';
  status: number | null;
}

/**
 * The agent says its account sends no limit reports (claude signed in with an
 * API key says so as it starts): admission learns nothing more by waiting.
 */
export interface RateLimitUnreported {
  kind: 'unreported';
}

export type RateLimitSignal = RateLimitStatus | RateLimitRetry | RateLimitUnreported;
