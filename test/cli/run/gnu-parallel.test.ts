import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot, tempDir } from '../../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const dir = tempDir('orchestrate-cli-gnu-');
afterAll(() => dir.cleanup());
let runs = 0;
const logDir = () => join(dir.path, `logs-${++runs}`);

describe("GNU parallel's habits", () => {
  test('--dry-run prints each task from a ::: template and its command line, and starts nothing', async () => {
    const logs = logDir();
    const result = await runCli([
      'parallel',
      '--dry-run',
      '--log-dir',
      logs,
      '--claude-bin',
      '/bin/true',
      'Review {} ({#})',
      ':::',
      'src/a.ts',
      'src/b.ts',
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'process-001',
        "  /bin/true -p 'Review src/a.ts (1)' --output-format stream-json --verbose",
        'process-002',
        "  /bin/true -p 'Review src/b.ts (2)' --output-format stream-json --verbose",
        '2 tasks; nothing was started (--dry-run).',
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(0);
    expect(existsSync(logs)).toBe(false);
  });

  test(':::: reads inputs from a file, and groups combine every input with every other', async () => {
    const files = join(dir.path, 'files.txt');
    writeFileSync(files, 'lib/parse.py\nlib/format.py\n');
    const result = await runCli([
      'parallel',
      '--dry-run',
      '--claude-bin',
      '/bin/true',
      'Port {1/.} to {2}',
      '::::',
      files,
      ':::',
      'rust',
      'go',
    ]);
    const prompts = [...result.stdout.matchAll(/-p '([^']*)'/g)].map((m) => m[1]);
    expect(prompts).toEqual([
      'Port parse to rust',
      'Port parse to go',
      'Port format to rust',
      'Port format to go',
    ]);
    expect(result.code).toBe(0);
  });

  test('--jobs is -j, and says so where it does not apply', async () => {
    const bad = await runCli(['sequential', '--jobs', '2', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--jobs does not apply: sequential runs one process at a time');
    const zero = await runCli(['parallel', '--jobs', '0', 'x']);
    expect(zero.stderr).toContain('--jobs: expected a whole number of at least 1, got "0"');
  });

  test('--results writes one file per process with its answer', async () => {
    const results = join(dir.path, 'answers');
    const result = await runCli([
      'parallel',
      '--mock-model',
      '--quiet',
      '--log-dir',
      logDir(),
      '--results',
      results,
      'Say {}',
      ':::',
      'one',
      'two',
    ]);
    expect(result.code).toBe(0);
    expect(readdirSync(results).sort()).toEqual(['process-001.txt', 'process-002.txt']);
    expect(readFileSync(join(results, 'process-002.txt'), 'utf8')).toBe('Mock reply: Say two');
  });

  test('--halt now,fail=1 cancels the rest once one process has failed, exit 1', async () => {
    const result = await runCli([
      'parallel',
      '-j',
      '1',
      '--mock-script',
      join(repoRoot, 'test/cli/fixtures/scripts/first-fails.json'),
      '--halt',
      'now,fail=1',
      '--json',
      '--log-dir',
      logDir(),
      'break it',
      'second',
      'third',
    ]);
    expect(result.stderr).toContain('--halt now,fail=1: 1 process failed; cancelling the rest');
    const report = JSON.parse(result.stdout);
    expect(report.results.map((r: { status: string }) => r.status)).toEqual([
      'failed',
      'cancelled',
      'cancelled',
    ]);
    expect(report.status).toBe('failed');
    expect(result.code).toBe(1);
  });

  test('--halt soon is refused with what is accepted', async () => {
    const result = await runCli(['parallel', '--halt', 'soon,fail=1', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('soon is not supported, use now');
  });
});
