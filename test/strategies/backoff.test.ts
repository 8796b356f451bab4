import { getEventListeners } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, sleep } from '../../src/strategies/backoff.js';

describe('backoff', () => {
  it('draws each delay from the upper half of a ceiling that doubles up to maxDelayMs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, minDelayMs, extra, random) => {
          const settings = { minDelayMs, maxDelayMs: minDelayMs + extra };
          const ceiling = Math.min(settings.maxDelayMs, minDelayMs * 2 ** (retry - 1));
          const delay = backoffDelay(retry, settings, () => random);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
          expect(delay).toBeLessThanOrEqual(ceiling);
        },
      ),
    );
  });

  it('the first retry waits between half of minDelayMs and minDelayMs', () => {
    expect(backoffDelay(1, { minDelayMs: 1000, maxDelayMs: 30_000 }, () => 0)).toBe(500);
    expect(backoffDelay(1, { minDelayMs: 1000, maxDelayMs: 30_000 }, () => 0.999999)).toBe(1000);
    expect(backoffDelay(3, { minDelayMs: 1000, maxDelayMs: 30_000 }, () => 0.5)).toBe(3000);
    expect(backoffDelay(10, { minDelayMs: 1000, maxDelayMs: 30_000 }, () => 0)).toBe(15_000);
  });

  it('a sleep ends early, saying so, when the signal aborts', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBe(false);
    await expect(sleep(0, null)).resolves.toBe(true);
    await expect(sleep(10, AbortSignal.abort())).resolves.toBe(false);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('a sleep of 0 ms has run out at once: an abort right after it does not change its answer', async () => {
    for (const ms of [0, -5]) {
      const controller = new AbortController();
      const waiting = sleep(ms, controller.signal);
      controller.abort();
      await expect(waiting).resolves.toBe(true);
    }
  });

  it('a sleep that runs out says so and stops listening to the signal', async () => {
    await expect(sleep(5, null)).resolves.toBe(true);
    const controller = new AbortController();
    await expect(sleep(5, controller.signal)).resolves.toBe(true);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
