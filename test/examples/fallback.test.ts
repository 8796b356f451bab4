import { expect, test } from 'vitest';
import { runExample } from './run-example.js';

test('the fallback example moves past an overloaded first attempt to a good second one', async () => {
  const run = await runExample('fallback');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^attempt 1 \(with-opus\): failed .*API error 529/m);
  expect(run.stdout).toMatch(/^attempt 2 \(with-sonnet\): succeeded/m);
  expect(run.stdout).not.toMatch(/attempt 3/);
  expect(run.stdout).toMatch(/Answer from with-sonnet:\nA backoff spreads retries out/);
});
