import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/fixtures.js';
import { runCli } from './helpers/run-cli.js';

const version = (
  JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }
).version;

describe('orchestrate', () => {
  test('--version and -V print the package version and exit 0', async () => {
    for (const flag of ['--version', '-V']) {
      const result = await runCli([flag]);
      expect(result).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });

  test('--help lists every command and explains the exit codes', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['parallel', 'sequential', 'fallback', 'batch', 'sessions', 'logs']) {
      expect(result.stdout).toContain(command);
    }
    expect(result.stdout).toContain(
      'Exit codes: 0 all succeeded, 1 a process failed, 2 usage error, 130 Ctrl-C, 143 SIGTERM,',
    );
    expect(result.stdout).toContain('129 SIGHUP, 131 SIGQUIT');
  });

  test('a command with --help shows its flags and an example', async () => {
    const result = await runCli(['parallel', '--help']);
    expect(result.code).toBe(0);
    for (const flag of [
      '--prompts-file',
      '--model',
      '--timeout',
      '--max-workers',
      '--cwd',
      '--log-dir',
      '--retries',
      '--claude-bin',
      '--json',
      '--quiet',
      '--stream',
      '--mock-model',
      '--mock-script',
    ]) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toContain('Example:');
  });

  test('no command is a usage error that shows the help, exit 2', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: orchestrate [options] [command]');
  });

  test('an unknown command is a usage error with a suggestion, exit 2', async () => {
    const result = await runCli(['paralel', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'paralel'/);
    expect(result.stderr).toMatch(/Did you mean parallel\?/);
  });
});
