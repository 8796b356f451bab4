import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { fixture, tempDir } from '../../helpers/fixtures.js';
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
