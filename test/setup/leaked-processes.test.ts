import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, pidAlive, repoRoot, tempDir } from '../helpers/fixtures.js';

// A real vitest run, in a temp folder, with the suite's global setup: one test
// that leaves a sleeping fixture behind, or one that does not.
let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir('orchestrate-leak-');
});
afterEach(() => dir.cleanup());

const LEAVE_ONE = `import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
test('starts a process and leaves it running', () => {
  const child = spawn(process.env.LEAK_FIXTURE, [], { detached: true, stdio: 'ignore' });
  child.unref();
  writeFileSync(process.env.LEAK_PID_FILE, String(child.pid));
});
`;

const LEAVE_NONE = `test('starts nothing', () => {
  expect(1 + 1).toBe(2);
});
`;

function runVitest(testFile: string): Promise<{ code: number | null; output: string }> {
  writeFileSync(join(dir.path, 'one.test.mjs'), testFile);
  const config = {
    test: {
      include: ['one.test.mjs'],
      globals: true,
      globalSetup: [join(repoRoot, 'test/setup/leaked-processes.ts')],
    },
  };
  writeFileSync(join(dir.path, 'vitest.config.mjs'), `export default ${JSON.stringify(config)};\n`);
  const vitest = join(repoRoot, 'node_modules/vitest/vitest.mjs');
  const child = spawn(process.execPath, [vitest, 'run', '--root', dir.path], {
    cwd: dir.path,
    env: {
      ...process.env,
      LEAK_FIXTURE: fixture('sleep-forever'),
      LEAK_PID_FILE: join(dir.path, 'pid'),
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('the leaked-process teardown', () => {
  it('ends a process a test left running, names it and fails the run', async () => {
    const { code, output } = await runVitest(LEAVE_ONE);
    const pid = Number(readFileSync(join(dir.path, 'pid'), 'utf8'));
    try {
      expect(output).toContain('1 passed');
      expect(code).toBe(1);
      expect(output).toContain('The tests left 1 process(es) running; they were ended.');
      expect(output).toMatch(new RegExp(`^\\s+${pid} .*sleep`, 'm'));
      expect(pidAlive(pid)).toBe(false);
    } finally {
      if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  it('passes a run that left nothing running', async () => {
    const { code, output } = await runVitest(LEAVE_NONE);
    expect(output).toContain('1 passed');
    expect(output).not.toContain('The tests left');
    expect(code).toBe(0);
  });
});
