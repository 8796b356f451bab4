import { describe, expect, test } from 'vitest';
import { tryAgainAt } from '../../../src/agents/codex/rate-limit.js';

const now = new Date(2026, 11, 1, 14, 30, 20);

describe('the reset codex names in its usage-limit message', () => {
  test('a time later today is the end of that minute', () => {
    expect(tryAgainAt("You've hit your usage limit. Try again at 3:05 PM.", now)).toEqual(
      new Date(2026, 11, 1, 15, 6, 0),
    );
  });

  test('this very minute is not tomorrow, and a time already past is', () => {
    expect(tryAgainAt('try again at 2:30 PM', now)).toEqual(new Date(2026, 11, 1, 14, 31, 0));
    expect(tryAgainAt('try again at 9:00 AM', now)).toEqual(new Date(2026, 11, 2, 9, 1, 0));
  });

  test('a date with or without its year, and 12 AM as midnight', () => {
    expect(tryAgainAt('try again at Dec 3, 2026 12:15 AM.', now)).toEqual(
      new Date(2026, 11, 3, 0, 16, 0),
    );
    expect(tryAgainAt('try again at Jan 2 1:00 PM', now)).toEqual(new Date(2027, 0, 2, 13, 1, 0));
  });

  test('no time, no reset', () => {
    expect(tryAgainAt("You've hit your usage limit. Try again later.", now)).toBeNull();
  });
});
