import { getEventListeners } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/strategies/limiter.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the concurrency limiter', () => {
  it('never runs more tasks at once than its concurrency, and runs every task once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.nat(3), { maxLength: 30 }),
        async (concurrency, ticks) => {
          const limiter = createLimiter(concurrency);
          let running = 0;
          let most = 0;
          const done = await Promise.all(
            ticks.map((n, i) =>
              limiter.run(async () => {
                running++;
                most = Math.max(most, running);
                for (let t = 0; t < n; t++) await tick();
                running--;
                return i;
              }),
            ),
          );
          expect(most).toBeLessThanOrEqual(concurrency);
          expect(done).toEqual(ticks.map((_, i) => i));
        },
      ),
    );
  });

  it('once the signal aborts, waiting tasks run at once without a slot', async () => {
    const limiter = createLimiter(1);
    const controller = new AbortController();
    let release!: () => void;
    const blocker = limiter.run(
      () => new Promise<string>((resolve) => (release = () => resolve('blocker'))),
      controller.signal,
    );
    const waiting = limiter.run(
      async () => (controller.signal.aborted ? 'ran after abort' : 'ran normally'),
      controller.signal,
    );
    await tick();
    expect(limiter.pendingCount).toBe(1);
    controller.abort();
    await expect(waiting).resolves.toBe('ran after abort');
    release();
    await expect(blocker).resolves.toBe('blocker');
  });

  it('a task that was already run by an abort is not run again when its slot comes up', async () => {
    const limiter = createLimiter(1);
    const controller = new AbortController();
    let release!: () => void;
    let runs = 0;
    const blocker = limiter.run(
      () => new Promise<void>((resolve) => (release = resolve)),
      controller.signal,
    );
    const waiting = limiter.run(async () => void runs++, controller.signal);
    controller.abort();
    await waiting;
    release();
    await blocker;
    await tick();
    expect(runs).toBe(1);
    expect(limiter.activeCount).toBe(0);
  });

  it('a task whose signal has already aborted runs at once, even with every slot taken', async () => {
    const limiter = createLimiter(1);
    let release!: () => void;
    const blocker = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    controller.abort();
    await expect(limiter.run(async () => 'ran', controller.signal)).resolves.toBe('ran');
    expect(limiter.activeCount).toBe(1);
    release();
    await blocker;
  });

  it('a task that got its slot leaves no listener on the signal', async () => {
    const limiter = createLimiter(1);
    const controller = new AbortController();
    await expect(limiter.run(async () => 'ran', controller.signal)).resolves.toBe('ran');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
