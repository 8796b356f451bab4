/**
 * Ages for `sessions --since` and `sessions prune --older-than`: a duration
 * back from now (`7d`, `12h`, `2w`) or, for --since, a date (`2026-11-01`,
 * `2026-11-01T14:00`, read as local time unless it names a zone).
 */
import { badFlag } from '../errors.js';
import { parseDuration } from '../options/duration.js';

const DATE = /^\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?$/;

/** The moment `value` names: `now` minus a duration, or a date. */
export function cutoffFlag(
  flag: string,
  value: unknown,
  command: string,
  options: { allowDate: boolean; now?: Date },
): Date {
  const now = options.now ?? new Date();
  const text = typeof value === 'string' ? value.trim() : '';
  const ms = parseDuration(text);
  if (ms !== null && ms > 0) return new Date(now.getTime() - ms);
  if (options.allowDate && DATE.test(text)) {
    // A bare date is local midnight (Date.parse would read it as UTC).
    const at = /^\d{4}-\d\d-\d\d$/.test(text)
      ? new Date(`${text}T00:00:00`)
      : new Date(text.replace(' ', 'T'));
    if (!Number.isNaN(at.getTime())) return at;
  }
  const accepted = options.allowDate
    ? 'an age such as 7d, 12h, 30m, 2w or a date such as 2026-11-01'
    : 'an age such as 30d, 12h, 2w (greater than zero)';
  throw badFlag(flag, value, accepted, command);
}
