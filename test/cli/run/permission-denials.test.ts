import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot, tempDir } from '../../helpers/fixtures.js';
import { onlySession, runCli } from '../helpers/run-cli.js';

// The mock model asks the real claude to Write notes.md; nothing allows Write, so claude refuses.
const script = join(repoRoot, 'test/cli/fixtures/scripts/write-a-file.json');
const dir = tempDir('orchestrate-cli-denials-');
afterAll(() => dir.cleanup());
let runs = 0;
function workspace() {
  const cwd = join(dir.path, `work-${++runs}`);
  mkdirSync(cwd);
  return { cwd, logDir: join(cwd, 'logs') };
}

describe('permission denials', () => {
  test('a refused Write is flagged in the log lines, the report and summary.json, with how to allow it', async () => {
    const { cwd, logDir } = workspace();
    const result = await runCli(
      ['parallel', '--mock-script', script, '--log-dir', logDir, 'write it'],
      { cwd },
    );
    expect(existsSync(join(cwd, 'notes.md'))).toBe(false);
    expect(result.stderr).toMatch(
      /\[WARNING\] \[process-001\] Result: succeeded, .*; 1 tool call denied: Write\(.*notes\.md\)/,
    );
    expect(result.stdout).toMatch(/── process-001 · claude · succeeded · .* · 1 denied ──/);
    expect(result.stdout).toContain('To let agents edit files: -- --allowedTools Write,Edit');
    expect(result.stdout).toMatch(/Succeeded: 1 succeeded in .* · 1 with denied tool calls/);
    expect(result.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(onlySession(logDir), 'summary.json'), 'utf8'));
    expect(summary.processes[0].permissionDenials).toBe(1);
    expect(summary.totals.permissionDenials).toBe(1);
  });

  test('--fail-on-denied turns a refused tool call into a failed run, and --json carries the denials', async () => {
    const { cwd, logDir } = workspace();
    const result = await runCli(
      [
        'parallel',
        '--mock-script',
        script,
        '--fail-on-denied',
        '--json',
        '--log-dir',
        logDir,
        'write it',
      ],
      { cwd },
    );
    const report = JSON.parse(result.stdout);
    expect(report.results[0].status).toBe('succeeded');
    expect(report.results[0].permissionDenials).toEqual([
      { tool: 'Write', target: join(cwd, 'notes.md') },
    ]);
    expect(report).toMatchObject({ status: 'failed', exitCode: 1 });
    expect(result.code).toBe(1);
  });
});
