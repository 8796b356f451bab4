import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { abortReason } from '../../src/process/run-child.js';
import { fixtureProcess, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('the abort signal and the clocks of a run', () => {
  it("a signal aborted as the child starts (in a 'start' listener) cancels it", async () => {
    const controller = new AbortController();
    const made = fixtureProcess(dir.path, 'sleep-forever', {
      signal: controller.signal,
      timeoutMs: 20_000,
      killGraceMs: 200,
    });
    made.on('start', () => controller.abort(new Error('aborted at the start')));
    const result = await made.run();
    expect(result.status).toBe('cancelled');
    expect(result.message).toMatch(/^cancelled after .* \(aborted at the start\)$/);
  });

  it('an abort reason that is not an Error is the cancel’s reason, in words', async () => {
    const controller = new AbortController();
    const made = fixtureProcess(dir.path, 'sleep-forever', {
      signal: controller.signal,
      killGraceMs: 200,
    });
    made.on('start', () => setTimeout(() => controller.abort('the user quit'), 100));
    const result = await made.run();
    expect(result.status).toBe('cancelled');
    expect(result.message).toMatch(/^cancelled after .* \(the user quit\)$/);
  });

  it('abortReason gives no reason for no signal, and none for a plain abort()', () => {
    expect(abortReason(null)).toBeUndefined();
    const controller = new AbortController();
    controller.abort();
    expect(abortReason(controller.signal)).toBeUndefined();
    const other = new AbortController();
    other.abort(42);
    expect(abortReason(other.signal)).toBe('42');
  });

  it('a finished run leaves no listener on its signal and no timer behind', async () => {
    // One signal often serves a whole session; a listener or a timer left per
    // run would pile up, and a pending timeout keeps a host alive until it fires.
    const controller = new AbortController();
    const before = timers();
    for (const [i, limits] of [
      { timeoutMs: 600_000 },
      { idleTimeoutMs: 600_000 },
      { timeoutMs: 600_000, idleTimeoutMs: 600_000 },
    ].entries()) {
      const result = await fixtureProcess(dir.path, 'print-ok', {
        processId: `finished-${i}`,
        signal: controller.signal,
        ...limits,
      }).run();
      expect(result.status).toBe('succeeded');
    }
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
