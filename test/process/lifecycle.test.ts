import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureProcess, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('process lifecycle', () => {
  it('a process that exits 0 succeeds with its output, exit code and stderr', async () => {
    const result = await fixtureProcess(dir.path, 'exit-with').run();
    expect(result.status).toBe('succeeded');
    expect(result.exitCode).toBe(0);
    expect(result.signal).toBeNull();
    expect(result.output).toBe('exiting with 0\n');
    expect(result.stderr).toBe('stderr line\n');
    expect(result.message).toMatch(/^succeeded in /);
  });

  it('durationMs covers the whole run, in whole milliseconds', async () => {
    const result = await fixtureProcess(dir.path, 'sleep-then-print', {
      args: ['0.3', 'awake'],
    }).run();
    expect(result.output).toBe('awake\n');
    expect(Number.isInteger(result.durationMs)).toBe(true);
    expect(result.durationMs).toBeGreaterThanOrEqual(300);
  });

  it('a non-zero exit is a failure whose message explains the exit code', async () => {
    const result = await fixtureProcess(dir.path, 'exit-with', { env: { EXIT_CODE: '127' } }).run();
    expect(result.status).toBe('failed');
    expect(result.exitCode).toBe(127);
    expect(result.message).toContain('exit code 127 (command not found)');
  });

  it('running a process object twice is a clear error', async () => {
    const process = fixtureProcess(dir.path, 'print-ok');
    await process.run();
    await expect(process.run()).rejects.toThrow(/already run; a process object runs once/);
  });

  it('a clone runs again with the same options and logs to an attempt file', async () => {
    const first = fixtureProcess(dir.path, 'print-ok');
    await first.run();
    const retry = first.clone({ attempt: 2 });
    const result = await retry.run();
    expect(result.status).toBe('succeeded');
    expect(result.logFile).toMatch(/print-ok\.attempt-2\.log$/);
  });

  it('events report the start and the end with the final result', async () => {
    const process = fixtureProcess(dir.path, 'exit-with');
    const seen: string[] = [];
    let pid = 0;
    process.on('start', (info) => {
      seen.push('start');
      pid = info.pid;
    });
    process.on('output', (_chunk, stream) => seen.push(stream));
    process.on('end', (result) => seen.push(`end:${result.status}`));
    await process.run();
    expect(pid).toBeGreaterThan(0);
    expect(seen[0]).toBe('start');
    expect(seen).toContain('stdout');
    expect(seen).toContain('stderr');
    expect(seen.at(-1)).toBe('end:succeeded');
  });
});
