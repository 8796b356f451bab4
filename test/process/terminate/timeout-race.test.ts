import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureProcess, tempDir } from '../../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.cleanup());

describe('a timeout racing a normal exit', () => {
  it('a child that exited before the timer fired is never timed out', async () => {
    // The child exits 0 on its own or dies of our SIGTERM; an exit of its own
    // that is recorded as a timeout would be a finished, paid run marked failed.
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 30, max: 80 }),
        fc.integer({ min: -15, max: 15 }),
        async (timeoutMs, offset) => {
          const result = await fixtureProcess(dir.path, 'exit-after', {
            processId: `race-${++n}`,
            args: [((timeoutMs + offset) / 1000).toFixed(3)],
            timeoutMs,
            killGraceMs: 1000,
          }).run();
          expect(['succeeded', 'timed_out']).toContain(result.status);
          if (result.status === 'timed_out') expect(result.signal).not.toBeNull();
          if (result.signal === null) {
            expect(result.status).toBe('succeeded');
            expect(result.exitCode).toBe(0);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

function stateOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/**
 * Holds the event loop, as a busy host would, until `pid` has exited (a zombie
 * no one has read yet) and at least `ms` have passed.
 */
function holdLoopUntilExited(pid: number, ms = 0): void {
  const from = performance.now();
  for (;;) {
    const waited = performance.now() - from;
    if (waited >= ms && stateOf(pid) === 'Z') return;
    if (waited > 30_000) throw new Error(`pid ${pid} did not exit within 30 s`);
  }
}

// The races made certain: the test holds the loop at the moment that matters,
// so the child exits and the clock fires in the order the test wants.
describe('a clock racing an exit, in a fixed order', () => {
  it('a timer due after the child exited, but before its exit was read, neither times out nor warns', async () => {
    // 'tick 1', then 0.3 s later 'done' and the exit. The first output holds
    // the loop until the child is a zombie and the 100 ms timeout is due: the
    // timer then runs before the exit is read.
    const made = fixtureProcess(dir.path, 'print-slowly', {
      processId: 'zombie-at-timeout',
      args: ['0.3', '1'],
      timeoutMs: 100,
      killGraceMs: 1000,
    });
    let pid = 0;
    made.on('start', (info) => (pid = info.pid));
    made.once('output', () => holdLoopUntilExited(pid, 200));
    const said: string[] = [];
    made.on('log', (level, message) => said.push(`${level} ${message}`));
    const result = await made.run();
    expect(result.status).toBe('succeeded');
    expect(result.exitCode).toBe(0);
    expect(result.output).toBe('tick 1\ndone\n');
    expect(said.filter((line) => !line.startsWith('INFO'))).toEqual([]);
  });

  it.each([
    ['a timeout', { timeoutMs: 200 }],
    ['an idle timeout', { idleTimeoutMs: 200 }],
  ])(
    '%s that fired while the child ran, whose stop came after it exited on its own, keeps its own outcome',
    async (_clock, limit) => {
      // The clock fires at 0.2 s; the warning it says holds the loop until the
      // child exits on its own (at 1 s), before the tree is frozen and signalled.
      const made = fixtureProcess(dir.path, 'exit-after', {
        processId: `exited-first-${Object.keys(limit)[0]}`,
        args: ['1'],
        killGraceMs: 1000,
        ...limit,
      });
      let pid = 0;
      made.on('start', (info) => (pid = info.pid));
      let warned = 0;
      made.on('log', (level) => {
        if (level === 'WARNING' && ++warned === 1) holdLoopUntilExited(pid);
      });
      const result = await made.run();
      expect(warned).toBeGreaterThan(0);
      expect(result.status).toBe('succeeded');
      expect(result.exitCode).toBe(0);
      expect(result.signal).toBeNull();
    },
  );

  it('a child killed by a signal not ours as the timeout fired fails by that signal, not as timed out', async () => {
    // It kills itself with SIGKILL at 1 s; the timeout fired at 0.2 s, and its warning holds
    // the loop until then: the SIGKILL came before any signal of ours.
    const made = fixtureProcess(dir.path, 'kill-itself-after', {
      processId: 'killed-first',
      args: ['1', 'KILL'],
      timeoutMs: 200,
      killGraceMs: 1000,
    });
    let pid = 0;
    made.on('start', (info) => (pid = info.pid));
    let warned = 0;
    made.on('log', (level) => {
      if (level === 'WARNING' && ++warned === 1) holdLoopUntilExited(pid);
    });
    const result = await made.run();
    expect(warned).toBeGreaterThan(0);
    expect(result.status).toBe('failed');
    expect(result.signal).toBe('SIGKILL');
    expect(result.message).toMatch(/^failed after .*: ended by signal kill/);
  });
});
