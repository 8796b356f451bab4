import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { fixture, repoRoot, tempDir } from '../../helpers/fixtures.js';
import { cliEnv, cliPath, runCli, startCli, waitForFirstStart } from '../helpers/run-cli.js';

const dir = tempDir('orchestrate-cli-logs-');
afterAll(() => dir.cleanup());
const running: Array<{ kill(signal: NodeJS.Signals): boolean }> = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

describe('orchestrate logs reads only inside the sessions folder', () => {
  test('a process id that leads outside the session is refused and nothing is printed', async () => {
    const logDir = join(dir.path, 'outside');
    await runCli(['parallel', '--claude-bin', fixture('print-ok'), '--log-dir', logDir, 'one']);
    writeFileSync(join(dir.path, 'secret'), 'the secret\n');
    const result = await runCli(['logs', 'last', '../../../secret', '--log-dir', logDir]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('"../../../secret" is not a process id');
    expect(result.stderr).toContain('path separator');
  });

  test('a session id that is a path is refused', async () => {
    const result = await runCli(['logs', '../outside', '--log-dir', join(dir.path, 'outside')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"../outside" is not a session id');
  });
});

describe('orchestrate logs -f', () => {
  test('ends with 141 when its reader goes away, while the run goes on', async () => {
    const logDir = join(dir.path, 'follow');
    const run = startCli([
      'parallel',
      '--claude-bin',
      fixture('tick-forever'),
      '--log-dir',
      logDir,
      '--kill-grace',
      '300ms',
      'one',
    ]);
    running.push(run.child);
    await waitForFirstStart(logDir);
    const follower = spawn(
      process.execPath,
      [cliPath, 'logs', '-f', 'last', 'process-001', '--log-dir', logDir],
      { env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    running.push(follower);
    let stderr = '';
    follower.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise<number | null>((resolve) => follower.on('close', resolve));
    await new Promise((resolve) => follower.stdout.once('data', resolve));
    follower.stdout.destroy();
    expect(await exited).toBe(141);
    expect(stderr).toBe('');
    expect(run.child.exitCode).toBe(null);
    run.child.kill('SIGINT');
    expect((await run.done).code).toBe(130);
  });
});

describe("orchestrate logs: a process's transcript", () => {
  test('renders what the agent said and did in short, and --raw prints the JSON lines', async () => {
    const logDir = join(dir.path, 'transcript');
    const run = await runCli([
      'parallel',
      '-q',
      '--mock-script',
      join(repoRoot, 'test/cli/fixtures/scripts/n-version-greeting.json'),
      '--cwd',
      dir.path,
      '--log-dir',
      logDir,
      'Add a greeting',
      '--',
      '--allowedTools',
      'Write',
    ]);
    expect(run.code).toBe(0);
    const shown = await runCli(['logs', 'last', 'process-001', '--log-dir', logDir]);
    expect(shown.code).toBe(0);
    const lines = shown.stdout.split('\n');
    const body = lines.slice(lines.findIndex((l) => l.startsWith('session ')));
    expect(body.slice(0, 5)).toEqual([
      expect.stringMatching(/^session [\w-]+ \(model [\w.-]+\)$/),
      '-> Write(greeting.txt)',
      expect.stringMatching(/^<- File created successfully at: greeting\.txt/),
      'Added greeting.txt.',
      expect.stringMatching(/^result: done in 2 turns, \$[\d.]+$/),
    ]);
    expect(shown.stdout).toContain('Prompt: Add a greeting');
    expect(shown.stdout).not.toContain('{"type"');
    const raw = await runCli(['logs', 'last', 'process-001', '--raw', '--log-dir', logDir]);
    expect(raw.code).toBe(0);
    const events = raw.stdout.split('\n').filter((l) => l.startsWith('{'));
    expect(events.map((l) => (JSON.parse(l) as { type: string }).type)).toEqual([
      'system',
      'assistant',
      'user',
      'assistant',
      'result',
    ]);
  });
});
