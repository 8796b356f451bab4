import { describe, expect, test } from 'vitest';
import { Budget } from '../../src/budget/budget.js';
import { normalizeBudget } from '../../src/budget/options.js';

const budget = (options: Parameters<typeof normalizeBudget>[0]) =>
  new Budget(normalizeBudget(options));

describe('Budget', () => {
  test('a running try reports its cumulative cost: the latest report replaces the one before', () => {
    const b = budget({ maxCostUsd: 1 });
    const run = 'a';
    b.begin(run);
    expect(b.report(run, 0.3)).toBeNull();
    expect(b.report(run, 0.5)).toBeNull();
    expect(b.committedUsd).toBe(0.5);
    b.end(run, 0.6);
    expect(b.committedUsd).toBe(0.6);
  });

  test('new tries are refused once spent plus running reaches the budget, naming it', () => {
    const b = budget({ maxCostUsd: 0.1 });
    const [a, c] = ['a', 'c'];
    b.begin(a);
    b.end(a, 0.06);
    expect(b.refusal()).toBeNull();
    b.begin(c);
    expect(b.report(c, 0.05)).toBe('session');
    expect(b.refusal()).toBe(
      'skipped: the session budget of $0.1000 is spent ($0.1100 spent or running; --max-cost)',
    );
  });

  test('a session that spends exactly its budget is refused further tries', () => {
    const b = budget({ maxCostUsd: 0.5 });
    b.begin('a');
    b.end('a', 0.25);
    b.begin('c');
    expect(b.report('c', 0.25)).toBe('session');
    expect(b.refusal()).toMatch(/^skipped: the session budget of \$0\.5000 is spent/);
  });

  test('a session with no budget never refuses', () => {
    const b = budget({ maxCostPerProcessUsd: 1 });
    b.begin('a');
    expect(b.report('a', 0.9)).toBeNull();
    b.end('a', 100);
    expect(b.refusal()).toBeNull();
  });

  test('a report from a try that is not running is ignored', () => {
    const b = budget({ maxCostUsd: 1 });
    b.begin('a');
    b.end('a', 0.5);
    expect(b.report('a', 0.9)).toBeNull();
    expect(b.report('never-began', 0.9)).toBeNull();
    expect(b.committedUsd).toBe(0.5);
    expect(b.refusal()).toBeNull();
  });

  test('a try past its own budget is named', () => {
    const b = budget({ maxCostPerProcessUsd: 0.05 });
    const run = 'a';
    b.begin(run);
    expect(b.report(run, 0.04)).toBeNull();
    // It may cost its budget exactly.
    expect(b.report(run, 0.05)).toBeNull();
    expect(b.report(run, 0.06)).toBe('process');
  });

  test('a try with no reported cost counts what it reported so far', () => {
    const b = budget({ maxCostUsd: 1 });
    const run = 'a';
    b.begin(run);
    b.report(run, 0.2);
    b.end(run, null);
    expect(b.committedUsd).toBe(0.2);
  });

  test('bad budgets name the option and the value', () => {
    expect(() => budget({ maxCostUsd: 0 })).toThrow(
      'Expected `budget.maxCostUsd` to be a positive number of US dollars, got `0` (number)',
    );
    expect(() => budget({ action: 'stop' as 'cancel' })).toThrow(
      /budget\.action.*'finish' or 'cancel'/,
    );
  });
});
