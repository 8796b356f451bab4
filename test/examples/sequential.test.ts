import { expect, test } from 'vitest';
import { runExample } from './run-example.js';

test('the sequential example runs its steps in order, each seeing the earlier outputs', async () => {
  const run = await runExample('sequential');
  expect(run.code).toBe(0);
  const lines = run.stdout.split('\n').filter((line) => /^(plan|review|revise): /.test(line));
  expect(lines.map((line) => line.split(':')[0])).toEqual(['plan', 'review', 'revise']);
  expect(lines.every((line) => line.includes('succeeded'))).toBe(true);
  // The mock model echoes the prompt, so a later step's answer shows the framing it was given.
  expect(lines[1]).toContain('--- Previous output ---');
  expect(run.stdout).toMatch(/Session folder: \S+sequential-example_/);
});
