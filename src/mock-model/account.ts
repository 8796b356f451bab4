/**
 * The mock account's counters: fixed windows of `requests` calls (and, when
 * set, `tokensPerMinute` estimated input tokens), shared by every process
 * that uses the server. A call past the limit is refused and does not count.
 * Every answer carries the headers the real API sends: the
 * `anthropic-ratelimit-requests-*` / `-tokens-*` figures an API key sees, and
 * the `anthropic-ratelimit-unified-*` ones a subscription sees, which claude
 * turns into `rate_limit_event`s.
 */
import type { MockAccountSpec } from './account-schema.js';

const UNIFIED_PREFIX: Record<MockAccountSpec['limit'], string> = {
  five_hour: '5h',
  seven_day: '7d',
};
const MINUTE_MS = 60_000;

export interface AccountDecision {
  allowed: boolean;
  /** Headers for the answer, 200 or 429 alike. */
  headers: Record<string, string>;
  /** Seconds until the limit that refused the call resets (0 when allowed). */
  retryAfterSeconds: number;
}

class FixedWindow {
  private start = -1;
  used = 0;
  constructor(private readonly lengthMs: number) {}

  /** Moves to the window holding `now`; returns when it ends. */
  roll(now: number): number {
    if (this.start < 0) this.start = now;
    if (now >= this.start + this.lengthMs) {
      this.start += Math.floor((now - this.start) / this.lengthMs) * this.lengthMs;
      this.used = 0;
    }
    return this.start + this.lengthMs;
  }
}

export class MockAccount {
  private readonly calls: FixedWindow;
  private readonly tokens: FixedWindow;
  /** Calls refused so far. */
  rejected = 0;
  /** Calls admitted so far. */
  admitted = 0;

  constructor(readonly spec: MockAccountSpec) {
    this.calls = new FixedWindow(spec.windowMs);
    this.tokens = new FixedWindow(MINUTE_MS);
  }

  /** Counts one call of `inputTokens` if the account has room for it. */
  admit(inputTokens: number, now = Date.now()): AccountDecision {
    const { requests, tokensPerMinute } = this.spec;
    const callsReset = this.calls.roll(now);
    const tokensReset = this.tokens.roll(now);
    const callsFull = this.calls.used >= requests;
    const tokensFull =
      tokensPerMinute !== undefined && this.tokens.used + inputTokens > tokensPerMinute;
    const allowed = !callsFull && !tokensFull;
    if (allowed) {
      this.calls.used++;
      this.tokens.used += inputTokens;
      this.admitted++;
    } else this.rejected++;
    const resetAt = callsFull ? callsReset : tokensFull ? tokensReset : callsReset;
    const retryAfterSeconds = allowed ? 0 : Math.max(1, Math.ceil((resetAt - now) / 1000));
    const headers = {
      ...this.keyHeaders(callsReset, tokensReset),
      ...this.unifiedHeaders(allowed, allowed ? callsReset : resetAt),
    };
    if (!allowed) headers['retry-after'] = String(retryAfterSeconds);
    return { allowed, headers, retryAfterSeconds };
  }

  /** What an API key sees: limits, what remains, and when each resets (RFC 3339). */
  private keyHeaders(callsReset: number, tokensReset: number): Record<string, string> {
    const { requests, tokensPerMinute } = this.spec;
    const headers: Record<string, string> = {
      'anthropic-ratelimit-requests-limit': String(requests),
      'anthropic-ratelimit-requests-remaining': String(Math.max(0, requests - this.calls.used)),
      'anthropic-ratelimit-requests-reset': isoSeconds(callsReset),
    };
    if (tokensPerMinute !== undefined) {
      Object.assign(headers, {
        'anthropic-ratelimit-tokens-limit': String(tokensPerMinute),
        'anthropic-ratelimit-tokens-remaining': String(
          Math.max(0, tokensPerMinute - this.tokens.used),
        ),
        'anthropic-ratelimit-tokens-reset': isoSeconds(tokensReset),
      });
    }
    return headers;
  }

  /** What a subscription sees: the unified limit's status, utilization and reset (epoch seconds). */
  private unifiedHeaders(allowed: boolean, resetAt: number): Record<string, string> {
    const utilization = Math.min(1, this.calls.used / this.spec.requests);
    const warning = utilization >= this.spec.warnAt;
    const status = !allowed ? 'rejected' : warning ? 'allowed_warning' : 'allowed';
    const reset = String(Math.ceil(resetAt / 1000));
    const prefix = `anthropic-ratelimit-unified-${UNIFIED_PREFIX[this.spec.limit]}`;
    const headers: Record<string, string> = {
      'anthropic-ratelimit-unified-status': status,
      'anthropic-ratelimit-unified-reset': reset,
      'anthropic-ratelimit-unified-representative-claim': this.spec.limit,
      [`${prefix}-status`]: status,
      [`${prefix}-reset`]: reset,
      [`${prefix}-utilization`]: allowed ? utilization.toFixed(2) : '1.00',
    };
    if (warning || !allowed) headers[`${prefix}-surpassed-threshold`] = String(this.spec.warnAt);
    return headers;
  }
}

function isoSeconds(ms: number): string {
  return new Date(Math.ceil(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
