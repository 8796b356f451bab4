import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runWithFallback } from '../../src/strategies/run-with-fallback.js';
import { announcedPids, fixtureProcess, pidAlive, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('runWithFallback', () => {
  it('stops at the first success and lists every attempt in order', async () => {
    const processes = [
      fixtureProcess(dir.path, 'exit-with', { processId: 'first', env: { EXIT_CODE: '1' } }),
      fixtureProcess(dir.path, 'print-ok', { processId: 'second' }),
      fixtureProcess(dir.path, 'print-ok', { processId: 'third' }),
    ];
    const result = await runWithFallback(processes);
    expect(result.status).toBe('succeeded');
    expect(result.processId).toBe('second');
    expect(result.index).toBe(1);
    expect(result.attempts.map((a) => [a.processId, a.status])).toEqual([
      ['first', 'failed'],
      ['second', 'succeeded'],
    ]);
    expect(processes[2]!.state).toBe('pending');
  });

  it('returns the last failure when every attempt fails', async () => {
    const processes = [
      fixtureProcess(dir.path, 'exit-with', { processId: 'a', env: { EXIT_CODE: '1' } }),
      fixtureProcess(dir.path, 'no-such-fixture', { processId: 'b' }),
    ];
    const result = await runWithFallback(processes);
    expect(result.status).toBe('spawn_error');
    expect(result.processId).toBe('b');
    expect(result.attempts).toHaveLength(2);
  });

  it('times out a hung attempt and ends its whole tree before the next attempt starts', async () => {
    const hung = fixtureProcess(dir.path, 'spawn-grandchildren', {
      processId: 'hung',
      env: { KEEP_PARENT: '1' },
      killGraceMs: 100,
    });
    const good = fixtureProcess(dir.path, 'print-ok', { processId: 'good' });
    let hungPids: number[] = [];
    const aliveWhenNextStarted: boolean[] = [];
    hung.on('start', (info) => hungPids.push(info.pid));
    hung.on('output', (chunk) => (hungPids = [...hungPids, ...announcedPids(chunk.toString())]));
    good.on('start', () => aliveWhenNextStarted.push(...hungPids.map(pidAlive)));
    // Time enough for the hung attempt to announce its grandchildren on a loaded machine.
    const result = await runWithFallback([hung, good], { timeoutMs: 2000 });
    expect(result.processId).toBe('good');
    expect(result.status).toBe('succeeded');
    expect(result.attempts[0]!.status).toBe('timed_out');
    expect(result.attempts[0]!.message).toContain('timed out after 2 s');
    expect(hungPids.length).toBe(3);
    expect(aliveWhenNextStarted).toEqual([false, false, false]);
  });

  it('without timeoutMs, each attempt is the process object given, with its own timeout', async () => {
    const processes = [
      fixtureProcess(dir.path, 'sleep-forever', { processId: 'slow', timeoutMs: 500 }),
      fixtureProcess(dir.path, 'print-ok', { processId: 'good' }),
    ];
    const result = await runWithFallback(processes);
    expect(result.attempts.map((a) => [a.processId, a.status])).toEqual([
      ['slow', 'timed_out'],
      ['good', 'succeeded'],
    ]);
    expect(result.attempts[0]!.message).toContain('timed out after 500 ms');
    expect(processes.map((p) => p.state)).toEqual(['ended', 'ended']);
  });

  it('rejects an empty list: there would be no result to give', async () => {
    await expect(runWithFallback([])).rejects.toThrow('to hold at least one task');
  });

  it('rejects a timeoutMs that is not a positive integer', async () => {
    const process = fixtureProcess(dir.path, 'print-ok');
    await expect(runWithFallback([process], { timeoutMs: -5 })).rejects.toThrow(
      'Expected `timeoutMs` to be a positive integer, got `-5` (number)',
    );
  });
});
