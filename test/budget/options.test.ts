import { describe, expect, test } from 'vitest';
import { normalizeBudget } from '../../src/budget/options.js';

describe('normalizeBudget', () => {
  test('no limits by default, and running tries finish', () => {
    expect(normalizeBudget({})).toEqual({
      maxCostUsd: null,
      maxCostPerProcessUsd: null,
      action: 'finish',
    });
  });

  test('both actions are accepted', () => {
    expect(normalizeBudget({ action: 'cancel', maxCostUsd: 2 })).toEqual({
      maxCostUsd: 2,
      maxCostPerProcessUsd: null,
      action: 'cancel',
    });
    expect(normalizeBudget({ action: 'finish' }).action).toBe('finish');
  });

  test('options that are not an object are named with their value', () => {
    for (const [options, got] of [
      [null, '`null` (null)'],
      ['5', '`"5"` (string)'],
    ] as const) {
      expect(() => normalizeBudget(options as never)).toThrow(
        `Expected \`budget\` to be an object like { maxCostUsd: 5 }, got ${got}`,
      );
    }
  });

  test.each([
    ['maxCostUsd', Infinity, '`Infinity` (number)'],
    ['maxCostUsd', Number.NaN, '`NaN` (number)'],
    ['maxCostPerProcessUsd', -1, '`-1` (number)'],
    ['maxCostPerProcessUsd', '0.5', '`"0.5"` (string)'],
  ])('a bad %s (%s) names the option and the value', (name, value, got) => {
    expect(() => normalizeBudget({ [name]: value })).toThrow(
      `Expected \`budget.${name}\` to be a positive number of US dollars, got ${got}`,
    );
  });
});
