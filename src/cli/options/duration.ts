/**
 * Human durations for --timeout and per-task `timeout`: `90s`, `5m`, `1h30m`,
 * `1.5m`, `250ms`, `7d`, `2w`; a bare number is seconds (as in GNU timeout).
 */
import { badFlag } from '../errors.js';

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  sec: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const PART = /(\d+(?:\.\d+)?)(ms|sec|min|s|m|h|d|w)/gy;

export const DURATION_ACCEPTED =
  'a duration such as 90s, 5m, 1h30m, 250ms (a bare number is seconds)';

/** Milliseconds for a duration text, or null when it is not one. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (trimmed === '') return null;
  let total = 0;
  PART.lastIndex = 0;
  let consumed = 0;
  for (let match = PART.exec(trimmed); match; match = PART.exec(trimmed)) {
    total += Number(match[1]) * UNIT_MS[match[2]!]!;
    consumed = PART.lastIndex;
  }
  return consumed === trimmed.length ? Math.round(total) : null;
}

/** A positive duration in milliseconds, or a usage error naming the flag. */
export function durationFlag(flag: string, value: unknown, command?: string): number {
  const ms =
    typeof value === 'number'
      ? Math.round(value * 1000)
      : typeof value === 'string'
        ? parseDuration(value)
        : null;
  if (ms === null || !Number.isFinite(ms) || ms <= 0) {
    throw badFlag(flag, value, `${DURATION_ACCEPTED}, greater than zero`, command);
  }
  return ms;
}
