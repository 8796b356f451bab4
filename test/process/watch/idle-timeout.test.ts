import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureProcess, tempDir } from '../../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('the idle-output watchdog', () => {
  it('ends an agent that goes silent, as a timeout that says it went silent', async () => {
    const logs: string[] = [];
    const process = fixtureProcess(dir.path, 'go-silent-after-output', { idleTimeoutMs: 300 });
    process.on('log', (_level, message) => logs.push(message));
    const result = await process.run();
    expect(result.status).toBe('timed_out');
    expect(result.exitCode).toBe(-1);
    expect(result.message).toMatch(/^timed out: no output for 300 ms \(ran .+\)$/);
    expect(result.output).toBe('working\n');
    expect(result.stderr).toBe('warming up\n');
    expect(logs.join('\n')).toContain('Went silent: no output for 300 ms; ending the process tree');
    expect(readFileSync(result.logFile, 'utf8')).toContain(
      'Status: timed_out (timed out: no output',
    );
  });

  it('never ends a slow agent that keeps writing, to stdout or to stderr', async () => {
    // A line every 100 ms for about 1.5 s, against a 700 ms silence bound.
    const result = await fixtureProcess(dir.path, 'print-slowly', {
      idleTimeoutMs: 700,
      args: ['0.1', '15'],
    }).run();
    expect(result.status).toBe('succeeded');
    expect(result.output).toContain('done');
    expect(result.stderr).toContain('tick 14');
  });

  it('counts stderr as output: an agent that only writes to stderr is not silent', async () => {
    // Stdout stays empty for about 2 s, against a 1.5 s silence bound.
    const result = await fixtureProcess(dir.path, 'print-slowly', {
      idleTimeoutMs: 1500,
      args: ['0.2', '10', 'stderr'],
    }).run();
    expect(result.status).toBe('succeeded');
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(10);
    expect(result.output).toBe('done\n');
  });

  it('leaves the wall-clock timeout in charge when it comes first', async () => {
    const result = await fixtureProcess(dir.path, 'print-slowly', {
      idleTimeoutMs: 60_000,
      timeoutMs: 300,
      args: ['0.1', '1000'],
    }).run();
    expect(result.status).toBe('timed_out');
    expect(result.message).toBe('timed out after 300 ms');
  });

  it('refuses an idle timeout that is not a positive number of milliseconds', () => {
    expect(() => fixtureProcess(dir.path, 'print-ok', { idleTimeoutMs: 0 })).toThrow(
      'Expected `idleTimeoutMs` to be a positive integer (milliseconds), got `0` (number)',
    );
  });
});
