import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeLimits, kernelControllers } from '../../../src/process/watch/resource-limits.js';
import { cgroupsOf } from '../../helpers/cgroups.js';
import { fixtureProcess, pidAlive, tempDir } from '../../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  dir.cleanup();
  // Each tree's cgroup is removed once the tree has ended.
  expect(cgroupsOf()).toEqual([]);
});

const MiB = 1024 * 1024;
const both = { memoryLimitBytes: MiB, maxProcesses: 1 };
/** What the kernel can hold here: on this project's machines (root, cgroup v1) memory and pids. */
const kernel = kernelControllers(both);

/** A parent and two children holding 120 MiB each: ~360 MiB against a 200 MiB limit. */
async function runHog() {
  const logs: string[] = [];
  const process = fixtureProcess(dir.path, 'allocate-memory', {
    args: ['120', '2'],
    memoryLimitBytes: 200 * MiB,
    killGraceMs: 500,
  });
  process.on('log', (_level, message) => logs.push(message));
  return { result: await process.run(), logs };
}

function children(output: string): number[] {
  return [...output.matchAll(/child (\d+)/g)].map((m) => Number(m[1]));
}

describe('resource limits held by the kernel where a cgroup can be made', () => {
  it('kills a tree whose grandchildren pass the memory limit, and names memory, the limit and the peak', async () => {
    const { result, logs } = await runHog();
    expect(result.status).toBe('failed');
    if (kernel.includes('memory')) {
      expect(logs[0]).toMatch(/a 200\.0 MiB memory limit, limited by cgroup v[12] \(memory\)/);
      expect(result.message).toMatch(
        /^failed after .+: memory limit reached: the kernel killed a process of the tree that went over its 200\.0 MiB limit \(the tree used \d+(\.\d)? MiB at its peak\)/,
      );
      // The kernel never lets the tree pass its limit: the peak is at most the limit.
      const peak = Number(/used (\d+(?:\.\d)?) MiB/.exec(result.message)![1]);
      expect(peak).toBeGreaterThan(100);
      expect(peak).toBeLessThanOrEqual(200);
    } else {
      // No cgroup to write here: the fallback, and the log line that says so.
      expect(logs[0]).toContain('a 200.0 MiB memory limit (sampled from /proc every 250 ms)');
      expect(result.message).toMatch(/memory limit exceeded: the tree used .+ over its 200\.0 MiB/);
    }
  });

  it('keeps a fork bomb within the process limit: the kernel refuses its forks, and the failure names the limit', async () => {
    const logs: string[] = [];
    const process = fixtureProcess(dir.path, 'fork-bomb', {
      args: ['400'],
      maxProcesses: 20,
      killGraceMs: 500,
    });
    process.on('log', (_level, message) => logs.push(message));
    const result = await process.run();
    const forked = children(result.output);
    expect(result.status).toBe('failed');
    for (const pid of forked) expect(pidAlive(pid)).toBe(false);
    if (kernel.includes('pids')) {
      expect(logs[0]).toMatch(/a 20-process limit, limited by cgroup v[12] \(pids\)/);
      expect(result.message).toMatch(
        /^failed after .+: process limit reached: the kernel refused \d+ forks? at its limit of 20 processes/,
      );
      // The shell and its children never passed 20: no overshoot, unlike sampling.
      expect(forked.length).toBeGreaterThanOrEqual(1);
      expect(forked.length).toBeLessThanOrEqual(19);
      // The shell itself said it could not fork, and exited with its own code.
      expect(result.stderr).toMatch(/Cannot fork|Resource temporarily unavailable/);
      expect(result.exitCode).toBeGreaterThan(0);
    } else {
      expect(logs[0]).toContain('a 20-process limit (sampled from /proc every 250 ms)');
      expect(result.message).toMatch(/process limit exceeded: .+ over its limit of 20/);
    }
  });

  it('leaves a tree under its limits alone, and says in the start line how they are held', async () => {
    const logs: string[] = [];
    const process = fixtureProcess(dir.path, 'exit-after', {
      args: ['0.6'],
      memoryLimitBytes: 200 * MiB,
      maxProcesses: 20,
    });
    process.on('log', (_level, message) => logs.push(message));
    const result = await process.run();
    expect(result.status).toBe('succeeded');
    expect(result.exitCode).toBe(0);
    expect(logs[0]).toContain(
      kernel.length === 2
        ? 'a 200.0 MiB memory limit and a 20-process limit, limited by cgroup v'
        : 'a 20-process limit (sampled from /proc every 250 ms)',
    );
  });
});

describe('resource limits sampled from /proc (ORCHESTRATE_CGROUP=off, or no cgroup to write)', () => {
  beforeAll(() => {
    process.env.ORCHESTRATE_CGROUP = 'off';
  });
  afterAll(() => {
    delete process.env.ORCHESTRATE_CGROUP;
  });

  it('ends a tree whose grandchildren pass the memory limit, and names memory, the limit and the peak', async () => {
    const { result, logs } = await runHog();
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
    const forked = children(result.output);
    // Over 20 means the shell, at least 19 sleeping children, and perhaps the
    // shell's own `sleep 0.02` between two forks.
    expect(forked.length).toBeGreaterThanOrEqual(19);
    expect(forked.length).toBeLessThan(400);
    for (const pid of forked) expect(pidAlive(pid)).toBe(false);
  });

  it('says the limits are not enforced where there is no /proc to sample either (macOS)', () => {
    expect(describeLimits(both, false)).toBe(
      'a 1.0 MiB memory limit and a 1-process limit (not enforced: no cgroup can be made here and there is no /proc to sample)',
    );
    expect(describeLimits(both, true)).toBe(
      'a 1.0 MiB memory limit and a 1-process limit (sampled from /proc every 250 ms)',
    );
  });
});

it('refuses a limit that is not a positive integer', () => {
  expect(() => fixtureProcess(dir.path, 'print-ok', { memoryLimitBytes: -1 })).toThrow(
    'Expected `memoryLimitBytes` to be a positive integer (bytes), got `-1` (number)',
  );
  expect(() => fixtureProcess(dir.path, 'print-ok', { maxProcesses: 1.5 })).toThrow(
    'Expected `maxProcesses` to be a positive integer (processes), got `1.5` (number)',
  );
});
