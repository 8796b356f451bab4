import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot, tempDir } from '../../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

const scripts = join(repoRoot, 'test/cli/fixtures/scripts');
const dir = tempDir('orchestrate-cli-mock-');
afterAll(() => dir.cleanup());
let runs = 0;
const logDir = () => join(dir.path, `logs-${++runs}`);

describe('--mock-model and --mock-script', () => {
  test('the real claude runs against the fake model, whose throwaway HOME is gone afterwards', async () => {
    const result = await runCli([
      'parallel',
      '--mock-model',
      '--json',
      '--log-dir',
      logDir(),
      'Say hello',
    ]);
    expect(result.code).toBe(0);
    const [only] = JSON.parse(result.stdout).results;
    expect(only.output).toBe('Mock reply: Say hello');
    const home = /"memory_paths":\{"auto":"(\/[^"]*orchestrate-mock-home-[^/"]+)\//.exec(
      readFileSync(only.logFile, 'utf8'),
    )?.[1];
    expect(home).toBeDefined();
    expect(existsSync(home!)).toBe(false);
  });

  test('--retries retries a process the fake model found overloaded, and it then succeeds', async () => {
    const result = await runCli([
      'parallel',
      '--mock-script',
      join(scripts, 'overloaded-once.json'),
      '--retries',
      '1',
      '--json',
      '--log-dir',
      logDir(),
      'anything',
    ]);
    expect(result.code).toBe(0);
    const [only] = JSON.parse(result.stdout).results;
    expect(only).toMatchObject({ status: 'succeeded', tries: 2, output: 'Fine after a retry.' });
    expect(result.stderr).toMatch(/\[WARNING\] \[process-001\] Retrying \(attempt 2\) in .*529/);
  });

  test('without --retries an overloaded process fails with its API status, exit 1', async () => {
    const result = await runCli([
      'parallel',
      '--mock-script',
      join(scripts, 'overloaded-once.json'),
      '--json',
      '--log-dir',
      logDir(),
      'anything',
    ]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).results[0]).toMatchObject({
      status: 'failed',
      apiErrorStatus: 529,
      tries: 1,
    });
  });

  test('a scripted Write tool call writes the file when claude is allowed to, through -- args', async () => {
    const work = join(dir.path, 'work');
    mkdirSync(work, { recursive: true });
    const result = await runCli([
      'parallel',
      '--mock-script',
      join(scripts, 'write-a-file.json'),
      '--cwd',
      work,
      '--log-dir',
      logDir(),
      'write it',
      '--',
      '--allowedTools',
      'Write',
    ]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(work, 'notes.md'), 'utf8')).toBe('written by the mock model\n');
    expect(result.stdout).toContain('Wrote notes.md.');
  });

  test('an invalid script is a usage error that names the file and the field', async () => {
    const bad = join(dir.path, 'bad.json');
    writeFileSync(bad, JSON.stringify({ rules: [{ turns: [{ txet: 'typo' }] }] }));
    const result = await runCli(['parallel', '--mock-script', bad, '--log-dir', logDir(), 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `--mock-script: Invalid mock script ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*txet`,
      ),
    );
  });
});
