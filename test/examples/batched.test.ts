import { expect, test } from 'vitest';
import { runExample } from './run-example.js';

test('the batched example runs five agents in batches of two, all succeeding', async () => {
  const run = await runExample('batched');
  expect(run.code).toBe(0);
  for (const file of ['parse.ts', 'format.ts', 'cli.ts', 'pool.ts', 'retry.ts']) {
    expect(run.stdout).toMatch(new RegExp(`^${file.replace('.', '\\.')}: succeeded`, 'm'));
  }
  expect(run.stdout).toMatch(/5 of 5 succeeded; cost \$\d+\.\d{4}/);
});
