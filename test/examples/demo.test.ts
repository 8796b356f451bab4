import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { repoRoot, tempDir } from '../helpers/fixtures.js';
import { runCli } from '../cli/helpers/run-cli.js';

const dir = tempDir('orchestrate-demo-');
afterAll(() => dir.cleanup());

test('the demo script answers the three demo prompts, with a tool call on the way', async () => {
  const script = join(repoRoot, 'examples/demo.mock.json');
  const result = await runCli([
    'parallel',
    '--mock-script',
    script,
    '--stream',
    '--log-dir',
    dir.path,
    'Summarise the README',
    'List three risks',
    'Propose a test plan',
  ]);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^\[process-001\] -> Glob\(\*\.md\)$/m);
  expect(result.stdout).toMatch(/^\[process-002\] 1\. Agents that never finish/m);
  expect(result.stdout).toMatch(/Succeeded: 3 succeeded in .*\nSession folder: /);
});
