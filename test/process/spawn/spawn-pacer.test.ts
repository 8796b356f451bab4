import { describe, expect, it } from 'vitest';
import { paced, SPAWN_BUDGET_MS } from '../../../src/process/spawn/spawn-pacer.js';
import { fixtureProcess, tempDir } from '../../helpers/fixtures.js';

/** Holds the thread for `ms`, as a slow fork does. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('spawn pacing', () => {
  it('spawns in a turn of the event loop only while the turn has budget left, the rest in later turns, in order', async () => {
    const order: number[] = [];
    const spawns = Array.from({ length: 6 }, (_, i) =>
      paced(() => {
        busy(SPAWN_BUDGET_MS / 2 + 5);
        order.push(i);
        return i;
      }),
    );
    // Each takes more than half the budget: two at most fill the first turn (one, when the
    // machine is busy enough to stretch the first past the whole budget).
    expect([[0], [0, 1]]).toContainEqual(order);
    expect(await Promise.all(spawns)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('a spawn that throws rejects its own promise and the ones after it still run', async () => {
    const first = paced(() => {
      throw new Error('no such file');
    });
    const second = paced(() => 'ran');
    await expect(first).rejects.toThrow('no such file');
    await expect(second).resolves.toBe('ran');
  });

  it('a quick spawn runs at once, in the same turn', () => {
    let ran = false;
    void paced(() => (ran = true));
    expect(ran).toBe(true);
  });

  it('a process whose own signal aborts while it waits for its turn is never started', async () => {
    const dir = tempDir();
    try {
      const controller = new AbortController();
      const process = fixtureProcess(dir.path, 'sleep-forever', { signal: controller.signal });
      let starts = 0;
      process.on('start', () => starts++);
      // This turn's spawning budget is spent: the process waits for the next turn.
      void paced(() => busy(SPAWN_BUDGET_MS + 5));
      const running = process.run();
      controller.abort(new Error('user pressed Ctrl-C'));
      const result = await running;
      expect(starts).toBe(0);
      expect(result.status).toBe('cancelled');
      expect(result.message).toBe('cancelled before it started (user pressed Ctrl-C)');
    } finally {
      dir.cleanup();
    }
  });
});
