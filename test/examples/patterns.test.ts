import { expect, test } from 'vitest';
import { runExample } from './run-example.js';

test('the panel example tallies three experts votes from the mock model and aggregates them', async () => {
  const run = await runExample('panel');
  expect(run.stderr).not.toMatch(/Error:/);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^security: no$/m);
  expect(run.stdout).toMatch(/^product: yes$/m);
  expect(run.stdout).toMatch(/^Tally: yes 2, no 1; winner yes; agreement 67%$/m);
  expect(run.stdout).toMatch(/Processes: 4 \(4 succeeded\)/);
});

test('the debate example runs two perspectives over two rounds and a synthesis', async () => {
  const run = await runExample('debate');
  expect(run.stderr).not.toMatch(/Error:/);
  expect(run.code).toBe(0);
  expect(run.stdout.match(/^round [12], (operations|simplicity): succeeded/gm)).toHaveLength(4);
  expect(run.stdout).toMatch(/^synthesis: succeeded$/m);
  expect(run.stdout).toMatch(/Processes: 5 \(5 succeeded\)/);
});

test('the n-version example runs two versions in worktrees, reviews them and merges the winner', async () => {
  const run = await runExample('n-version');
  expect(run.stderr).not.toMatch(/Error:/);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^version-1: succeeded, check passed, score 6, files greeting.txt$/m);
  expect(run.stdout).toMatch(/^Winner: version-2 \(beta names itself\.\)$/m);
  expect(run.stdout).toMatch(/^Merge: merged$/m);
  expect(run.stdout).toMatch(/^greeting.txt in the checkout: hello from beta$/m);
  expect(run.stdout).toMatch(/Processes: 5 \(5 succeeded\)/);
});
