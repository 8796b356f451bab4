/**
 * Claude's rate-limit news, read as agent-neutral signals: a
 * `rate_limit_event` (a subscription's limit status and reset), an
 * `api_retry` caused by a 429 or an overload, and its `init` naming an API
 * key as its credentials (then no `rate_limit_event` ever comes).
 */
import type { RateLimitSignal } from '../../process/rate-limit.js';

const STATUSES = new Set(['allowed', 'allowed_warning', 'rejected']);

const finite = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export function claudeRateLimitOf(event: Record<string, unknown>): RateLimitSignal | null {
  if (event.type === 'rate_limit_event') {
    const info = event.rate_limit_info as Record<string, unknown> | undefined;
    if (!info || typeof info.status !== 'string' || !STATUSES.has(info.status)) return null;
    const resetsAt = finite(info.resetsAt);
    const limitType = typeof info.rateLimitType === 'string' ? info.rateLimitType : null;
    return {
      kind: 'status',
      status: info.status as 'allowed' | 'allowed_warning' | 'rejected',
      resetsAt: resetsAt === null ? null : new Date(resetsAt * 1000),
      limitType,
      utilization: finite(info.utilization) ?? windowUtilization(info, limitType),
    };
  }
  if (event.type === 'system' && event.subtype === 'init') {
    const source = event.apiKeySource;
    // "none": signed in to a subscription, whose calls are reported; any key's are not.
    return typeof source === 'string' && source !== 'none' ? { kind: 'unreported' } : null;
  }
  if (event.type === 'system' && event.subtype === 'api_retry') {
    const status = finite(event.error_status);
    if (event.error === 'rate_limit' || status === 429)
      return { kind: 'retry', error: 'rate_limit', status };
    if (event.error === 'overloaded' || status === 529)
      return { kind: 'retry', error: 'overloaded', status };
  }
  return null;
}

/** claude 2.1 says the utilization per window: `unifiedWindows.five_hour.utilization`. */
function windowUtilization(info: Record<string, unknown>, limitType: string | null): number | null {
  const windows = info.unifiedWindows as Record<string, { utilization?: unknown }> | undefined;
  if (!windows || typeof windows !== 'object' || limitType === null) return null;
  return finite(windows[limitType]?.utilization);
}
