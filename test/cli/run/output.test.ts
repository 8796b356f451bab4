import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { fixture, pidsWithEnv, tempDir } from '../../helpers/fixtures.js';
import { cliEnv, cliPath, onlySession, sessionEvents, waitFor } from '../helpers/run-cli.js';

// The CLI's output goes to real pipes read by real shells: slow readers, and
// readers that go away early.
const dir = tempDir('orchestrate-cli-output-');
afterAll(() => dir.cleanup());
const marks: string[] = [];
afterEach(() => {
  for (const mark of marks.splice(0))
    for (const pid of pidsWithEnv('OUTPUT_TEST_MARK', mark)) process.kill(pid, 'SIGKILL');
});

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const cli = (args: string[]) => [process.execPath, cliPath, ...args].map(quote).join(' ');

describe('output to pipes', () => {
  test('--json into a reader that waits 3 s still gets the whole document', () => {
    const logDir = join(dir.path, 'slow-reader');
    const command = `${cli(['parallel', '--claude-bin', fixture('flood-stdout'), '--log-dir', logDir, '--json', 'a', 'b'])} 2>/dev/null | (sleep 3; cat)`;
    const run = spawnSync('bash', ['-c', command], {
      env: cliEnv({ FLOOD_BYTES: '300000' }),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(run.stdout);
    expect(report.results).toHaveLength(2);
    for (const result of report.results)
      expect(result.output.length).toBeGreaterThanOrEqual(300000);
  });

  test('a reader that goes away (2>&1 | head) ends the run quietly with 141, every tree ended', async () => {
    const mark = randomUUID();
    marks.push(mark);
    const logDir = join(dir.path, 'head');
    const command = `${cli(['parallel', '--claude-bin', fixture('tick-forever'), '--log-dir', logDir, '--stream', 'a', 'b'])} 2>&1 | head -c 300 >/dev/null; echo "cli exit \${PIPESTATUS[0]}"`;
    const shell = spawn('bash', ['-c', command], {
      env: cliEnv({ OUTPUT_TEST_MARK: mark }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    shell.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    shell.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    await new Promise((resolve) => shell.on('close', resolve));
    expect(stdout.trim()).toBe('cli exit 141');
    expect(stderr).toBe('');
    await waitFor(
      () => pidsWithEnv('OUTPUT_TEST_MARK', mark).length === 0,
      15_000,
      'every agent to end',
    );
    const summary = JSON.parse(readFileSync(join(onlySession(logDir), 'summary.json'), 'utf8'));
    expect(summary.status).toBe('cancelled');
    expect(sessionEvents(onlySession(logDir)).at(-1)?.kind).toBe('session-end');
  });
});
