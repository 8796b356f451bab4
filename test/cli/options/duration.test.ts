import { describe, expect, test } from 'vitest';
import { durationFlag, parseDuration } from '../../../src/cli/options/duration.js';
import { CLIError } from '../../../src/cli/errors.js';

describe('parseDuration', () => {
  test.each([
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['1.5m', 90_000],
    ['250ms', 250],
    ['2min', 120_000],
    ['10', 10_000],
    [' 3S ', 3000],
    ['7d', 604_800_000],
    ['2w', 1_209_600_000],
    ['1d12h', 129_600_000],
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  test.each(['', 'abc', '5x', 'm5', '5 m', '-5s', '1h-30m'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe('durationFlag', () => {
  test('a bad value is a usage error that names the flag, the value and what is accepted', () => {
    const error = (() => {
      try {
        durationFlag('--timeout', 'soon');
      } catch (e) {
        return e as CLIError;
      }
    })();
    expect(error).toBeInstanceOf(CLIError);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(/--timeout: expected a duration such as 90s, 5m.*got "soon"/);
  });

  test('zero is refused: a timeout must be greater than zero', () => {
    expect(() => durationFlag('--timeout', '0s')).toThrow(/greater than zero/);
  });

  test('a number from a JSON task counts as seconds', () => {
    expect(durationFlag('timeout', 1.5)).toBe(1500);
  });
});
