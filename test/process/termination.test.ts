import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announcedPids, fixtureProcess, pidAlive, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

// Where a fixture must do something (print, start grandchildren, set a trap)
// before the timeout fires, the timeout leaves seconds for it: a shell start
// can take hundreds of milliseconds on a loaded machine.
describe('ending the process tree', () => {
  it('a timeout ends the process and the result says it timed out', async () => {
    const result = await fixtureProcess(dir.path, 'sleep-forever', { timeoutMs: 2000 }).run();
    expect(result.status).toBe('timed_out');
    expect(result.exitCode).toBe(-1);
    expect(result.signal).toBe('SIGTERM');
    expect(result.message).toBe('timed out after 2 s');
    expect(result.output).toBe('sleeping\n');
  });

  it('a timeout kills the grandchildren too, even one that ignores SIGTERM', async () => {
    const result = await fixtureProcess(dir.path, 'spawn-grandchildren', {
      timeoutMs: 2000,
      killGraceMs: 200,
      env: { KEEP_PARENT: '1' },
    }).run();
    expect(result.status).toBe('timed_out');
    const pids = announcedPids(result.output);
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(pidAlive(pid)).toBe(false);
    expect(result.message).toContain('SIGKILL after 200 ms grace');
  });

  it('a child that ignores SIGTERM is killed after the grace period', async () => {
    const result = await fixtureProcess(dir.path, 'ignore-sigterm', {
      timeoutMs: 2000,
      killGraceMs: 300,
    }).run();
    expect(result.status).toBe('timed_out');
    expect(result.exitCode).toBe(-1);
    expect(result.signal).toBe('SIGKILL');
    expect(result.message).toBe('timed out after 2 s; SIGKILL after 300 ms grace');
  });

  it('descendants left running after a normal exit are ended and run() still returns', async () => {
    const result = await fixtureProcess(dir.path, 'spawn-grandchildren', {
      killGraceMs: 200,
    }).run();
    expect(result.status).toBe('succeeded');
    const pids = announcedPids(result.output);
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(pidAlive(pid)).toBe(false);
  });

  it.each([
    [
      'a descendant that left the process group with setsid is ended too',
      'spawn-escaped-grandchild',
      2000,
    ],
    [
      'a daemon that double-forked out of the tree is ended by a timeout',
      'daemonize-double-fork',
      500,
    ],
  ])('%s', async (_title, name, timeoutMs) => {
    const result = await fixtureProcess(dir.path, name, { timeoutMs, killGraceMs: 200 }).run();
    expect(result.status).toBe('timed_out');
    const [pid] = announcedPids(result.output);
    expect(pid).toBeDefined();
    expect(pidAlive(pid!)).toBe(false);
  });

  it('run() returns although a process outside the tree holds the pipes open', async () => {
    const process = fixtureProcess(dir.path, 'leave-orphan-holding-stdout');
    let orphan: number | undefined;
    process.on('output', (chunk) => (orphan ??= announcedPids(chunk.toString())[0]));
    try {
      // The wait for the pipes is bounded (half a second without data); one
      // that waited for them to close would wait for the orphan, a minute.
      const result = await Promise.race([
        process.run(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('run() still waiting after 20 s')), 20_000).unref(),
        ),
      ]);
      expect(result.status).toBe('succeeded');
      expect(result.exitCode).toBe(0);
      expect(result.output).toMatch(/^grandchild \d+\ndone\n$/);
    } finally {
      if (orphan) killQuietly(orphan);
    }
  });

  it('aborting the signal cancels a running process and records the reason', async () => {
    const controller = new AbortController();
    const process = fixtureProcess(dir.path, 'sleep-forever', { signal: controller.signal });
    process.on('start', () =>
      setTimeout(() => controller.abort(new Error('user pressed Ctrl-C')), 100),
    );
    const result = await process.run();
    expect(result.status).toBe('cancelled');
    expect(result.exitCode).toBe(-1);
    expect(result.message).toMatch(/^cancelled after .* \(user pressed Ctrl-C\)$/);
  });

  it("only the first reason to end counts: a cancel during a timeout's grace leaves it timed out", async () => {
    const made = fixtureProcess(dir.path, 'ignore-sigterm', { timeoutMs: 2000, killGraceMs: 500 });
    const warnings: string[] = [];
    made.on('log', (level, message) => {
      if (level !== 'WARNING') return;
      warnings.push(message);
      if (warnings.length === 1) made.cancel('cancelled during the grace');
    });
    const result = await made.run();
    expect(result.status).toBe('timed_out');
    expect(result.message).toBe('timed out after 2 s; SIGKILL after 500 ms grace');
    expect(warnings).toHaveLength(1);
  });

  it('a signal aborted before run() means the process never starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const process = fixtureProcess(dir.path, 'print-ok', { signal: controller.signal });
    let started = false;
    process.on('start', () => (started = true));
    const result = await process.run();
    expect(started).toBe(false);
    expect(result.status).toBe('cancelled');
    expect(result.message).toBe('cancelled before it started');
  });

  it('terminate() ends a running process early as cancelled', async () => {
    const process = fixtureProcess(dir.path, 'sleep-forever');
    process.on('start', () => setTimeout(() => process.terminate(), 100));
    const result = await process.run();
    expect(result.status).toBe('cancelled');
    expect(result.signal).toBe('SIGTERM');
  });

  it('a cancel that arrives while the child is being spawned is applied once it exists', async () => {
    const process = fixtureProcess(dir.path, 'sleep-forever', { timeoutMs: 10_000 });
    const running = process.run();
    process.cancel('cancelled during spawn');
    const result = await running;
    expect(result.status).toBe('cancelled');
    expect(result.message).toContain('(cancelled during spawn)');
  });

  it('a start listener that throws ends the tree instead of leaving it running', async () => {
    const process = fixtureProcess(dir.path, 'sleep-forever', { timeoutMs: 10_000 });
    let pid = 0;
    process.on('start', (info) => {
      pid = info.pid;
      throw new Error('listener bug');
    });
    const result = await process.run();
    expect(result.status).toBe('failed');
    expect(result.message).toContain("a 'start' listener threw: listener bug");
    expect(pidAlive(pid)).toBe(false);
  });
});
