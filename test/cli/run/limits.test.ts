import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot, tempDir } from '../../helpers/fixtures.js';
import { onlySession, runCli, sessionEvents } from '../helpers/run-cli.js';
import { overBudgetRun } from '../helpers/over-budget-run.js';

const dir = tempDir('orchestrate-cli-limits-');
afterAll(() => dir.cleanup());

describe('budgets and admission from the command line', () => {
  test('--max-cost skips the tasks not started once spent, exits 1 and shows spent vs budget', async () => {
    const logDir = join(dir.path, 'budget');
    const result = await overBudgetRun(logDir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /Budget: \$0\.\d{4} spent of \$0\.0600 \(reached: later tasks skipped\)/,
    );
    expect(result.stdout).toContain('skipped: the session budget of $0.0600 is spent');
    const summary = JSON.parse(readFileSync(join(onlySession(logDir), 'summary.json'), 'utf8'));
    expect(summary.totals).toMatchObject({ succeeded: 2, skipped: 1 });
    expect(summary.budget).toMatchObject({ maxCostUsd: 0.06, reached: true });
  });

  test('a burst into a small account loses no run: every task succeeds after the resets', async () => {
    const logDir = join(dir.path, 'account');
    const prompts = Array.from({ length: 10 }, (_, i) => `task ${i + 1}`);
    const result = await runCli([
      'parallel',
      '-j',
      '10',
      '--mock-script',
      join(repoRoot, 'test/cli/fixtures/scripts/small-account.json'),
      '--agent-retries',
      '0',
      // All ten at once: the first window (10 s, from the first call) meets more tries than it
      // has room for, even when a loaded machine spreads the ten starts over several seconds.
      '--no-slow-start',
      '--log-dir',
      logDir,
      ...prompts,
    ]);
    expect(result.stdout).toMatch(/10 succeeded/);
    expect(result.code).toBe(0);
    const events = sessionEvents(onlySession(logDir));
    const reruns = events.filter((e) => e.kind === 'retry');
    expect(reruns.length).toBeGreaterThan(0);
    expect(reruns.every((e) => e.kind === 'retry' && e.rateLimited)).toBe(true);
    expect(result.stderr).toMatch(/\[WARNING\] \[session\] concurrency \d+: rate limited/);
  });

  test.each([
    [
      ['--max-cost', 'lots'],
      '--max-cost: expected a positive amount in US dollars, e.g. 5 or 0.50, got "lots"',
    ],
    [
      ['--max-cost-per-process', '-1'],
      '--max-cost-per-process: expected a positive amount in US dollars',
    ],
    [
      ['--max-cost', '1', '--budget-action', 'stop'],
      '--budget-action: expected "finish" or "cancel", got "stop"',
    ],
    [['--budget-action', 'cancel'], '--budget-action: expected it together with --max-cost'],
    [['--max-wait', 'soon'], '--max-wait: expected a duration such as 90s'],
  ])('%j is refused, naming the flag, the value and the fix', async (flags, message) => {
    const result = await runCli(['parallel', ...flags, 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
