import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureProcess, pidAlive, tempDir } from '../../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

const MiB = 1024 * 1024;

describe('resource limits on the whole tree', () => {
  it('ends a tree whose grandchildren pass the memory limit, and names memory, the limit and the peak', async () => {
    const logs: string[] = [];
    // A parent and two children holding 120 MiB each: ~360 MiB against 200 MiB.
    const process = fixtureProcess(dir.path, 'allocate-memory', {
      args: ['120', '2'],
      memoryLimitBytes: 200 * MiB,
      killGraceMs: 500,
    });
    process.on('log', (_level, message) => logs.push(message));
    const result = await process.run();
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(
      /^failed after .+: memory limit exceeded: the tree used \d+(\.\d)? MiB at its peak, over its 200\.0 MiB limit/,
    );
    const peak = Number(/used (\d+(?:\.\d)?) MiB/.exec(result.message)![1]);
    expect(peak).toBeGreaterThan(200);
    expect(logs[0]).toContain('a 200.0 MiB memory limit (sampled from /proc every 250 ms)');
    expect(logs.join('\n')).toContain('Memory limit exceeded: the tree used');
  });

  it('leaves a tree under its memory limit alone', async () => {
    const result = await fixtureProcess(dir.path, 'exit-after', {
      args: ['0.6'],
      memoryLimitBytes: 200 * MiB,
    }).run();
    expect(result.status).toBe('succeeded');
  });

  it('ends a fork bomb at the process limit and leaves none of its children', async () => {
    const result = await fixtureProcess(dir.path, 'fork-bomb', {
      args: ['400'],
      maxProcesses: 20,
      killGraceMs: 500,
    }).run();
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(
      /process limit exceeded: the tree had \d+ processes at its peak, over its limit of 20/,
    );
    const children = [...result.output.matchAll(/child (\d+)/g)].map((m) => Number(m[1]));
    // Over 20 means the shell, at least 19 sleeping children, and perhaps the
    // shell's own `sleep 0.02` between two forks.
    expect(children.length).toBeGreaterThanOrEqual(19);
    expect(children.length).toBeLessThan(400);
    for (const pid of children) expect(pidAlive(pid)).toBe(false);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => fixtureProcess(dir.path, 'print-ok', { memoryLimitBytes: -1 })).toThrow(
      'Expected `memoryLimitBytes` to be a positive integer (bytes), got `-1` (number)',
    );
    expect(() => fixtureProcess(dir.path, 'print-ok', { maxProcesses: 1.5 })).toThrow(
      'Expected `maxProcesses` to be a positive integer (processes), got `1.5` (number)',
    );
  });
});
