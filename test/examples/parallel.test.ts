import { expect, test } from 'vitest';
import { runExample } from './run-example.js';

test('the parallel example runs three agents against the mock model and prints the session summary', async () => {
  const run = await runExample('parallel');
  expect(run.stderr).not.toMatch(/Error:/);
  expect(run.code).toBe(0);
  expect(run.stdout.match(/^process-00\d \(input #\d\): succeeded/gm)).toHaveLength(3);
  expect(run.stdout).toMatch(/Mock reply: Summarise what a process pool is/);
  expect(run.stdout).toMatch(/Processes: 3 \(3 succeeded\)/);
});
