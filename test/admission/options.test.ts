import { describe, expect, test } from 'vitest';
import { normalizeAdmission } from '../../src/admission/options.js';

describe('normalizeAdmission', () => {
  test('no options: no ceiling, a floor of 1 and a 6 h wait at most', () => {
    expect(normalizeAdmission()).toEqual({
      maxConcurrency: Infinity,
      minConcurrency: 1,
      maxWaitMs: 6 * 3_600_000,
      jitterMs: 1000,
      backoffMs: 1000,
      maxBackoffMs: 60_000,
      cooldownMs: 2000,
      slowStart: 1,
      slowStartMs: 10_000,
    });
  });

  test('options that are not an object are named with their value', () => {
    for (const [options, got] of [
      [null, '`null` (null)'],
      [5, '`5` (number)'],
    ] as const) {
      expect(() => normalizeAdmission(options as never)).toThrow(
        `Expected \`admission\` to be an object like { maxWaitMs: 3600000 }, got ${got}`,
      );
    }
  });

  test.each([
    ['maxConcurrency', 0, 1],
    ['minConcurrency', 0, 1],
    ['maxWaitMs', -1, 0],
    ['jitterMs', 1.5, 0],
    ['backoffMs', 0, 1],
    ['maxBackoffMs', 0, 1],
    ['cooldownMs', -1, 0],
    ['slowStartMs', -1, 0],
  ])('a bad %s names the option, its value and the least it accepts', (name, value, min) => {
    expect(() => normalizeAdmission({ [name]: value })).toThrow(
      `Expected \`admission.${name}\` to be an integer of at least ${min}, got \`${value}\` (number)`,
    );
  });

  test('slowStart is false or a count of starts, and anything else is named', () => {
    expect(normalizeAdmission({ slowStart: false }).slowStart).toBe(false);
    expect(normalizeAdmission({ slowStart: 3 }).slowStart).toBe(3);
    for (const [value, got] of [
      [0, '`0` (number)'],
      [true, '`true` (boolean)'],
    ] as const) {
      expect(() => normalizeAdmission({ slowStart: value as never })).toThrow(
        `Expected \`admission.slowStart\` to be false or an integer of at least 1, got ${got}`,
      );
    }
  });

  test('a number in a string is not a number', () => {
    expect(() => normalizeAdmission({ jitterMs: '5' as never })).toThrow(
      'Expected `admission.jitterMs` to be an integer of at least 0, got `"5"` (string)',
    );
  });
});
