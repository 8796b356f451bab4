/**
 * Codex's rate-limit news, read as agent-neutral signals (docs/limits.md):
 * the usage-limit message of a ChatGPT plan ("You've hit your usage limit …
 * try again at 3:05 PM.") is a rejected limit with its reset, and a retry of
 * a 429 or a server error is pressure.
 */
import type { RateLimitSignal } from '../../process/rate-limit.js';
import { codexRetryOf } from './retry.js';

const USAGE_LIMIT = /usage limit/i;
const TRY_AGAIN_AT =
  /try again at\s+(?:([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?,?\s+)?(\d{1,2}):(\d{2})\s*([AP]M)/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export function codexRateLimitOf(
  event: Record<string, unknown>,
  now = new Date(),
): RateLimitSignal | null {
  const retry = codexRetryOf(event);
  if (retry) {
    if (retry.error === 'rate_limit') return { kind: 'retry', error: 'rate_limit', status: 429 };
    if (retry.error === 'overloaded')
      return { kind: 'retry', error: 'overloaded', status: retry.errorStatus };
    return null;
  }
  if (event.type !== 'error' || typeof event.message !== 'string') return null;
  if (!USAGE_LIMIT.test(event.message)) return null;
  return {
    kind: 'status',
    status: 'rejected',
    resetsAt: tryAgainAt(event.message, now),
    limitType: 'codex usage',
    utilization: 1,
  };
}

/**
 * The reset codex names, in local time to the minute: "try again at 3:05 PM"
 * (today, or tomorrow when that time has passed) or "try again at Dec 2,
 * 2026 3:05 PM". Taken as the end of that minute, so a start after it is
 * never early; null when it names none.
 */
export function tryAgainAt(message: string, now: Date): Date | null {
  const match = TRY_AGAIN_AT.exec(message);
  if (!match) return null;
  const [, monthName, day, year, hour, minute, half] = match;
  let hours = Number(hour) % 12;
  if (half!.toUpperCase() === 'PM') hours += 12;
  const at = new Date(now);
  if (monthName !== undefined) {
    const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase());
    if (month < 0) return null;
    at.setFullYear(year === undefined ? now.getFullYear() : Number(year), month, Number(day));
  }
  at.setHours(hours, Number(minute), 0, 0);
  let end = at.getTime() + MINUTE_MS;
  // A time of day already past is tomorrow's (a date already past, next year's).
  if (end <= now.getTime() && monthName === undefined) end += DAY_MS;
  else if (end <= now.getTime() && year === undefined) {
    at.setFullYear(at.getFullYear() + 1);
    end = at.getTime() + MINUTE_MS;
  }
  return new Date(end);
}
