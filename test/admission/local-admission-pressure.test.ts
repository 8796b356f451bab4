import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { AdmissionChange } from '../../src/admission/controller.js';
import { LocalAdmission } from '../../src/admission/local-admission.js';
import { notStartedResult } from '../../src/process/build-result.js';
import type { RateLimitStatus } from '../../src/process/rate-limit.js';
import type { ProcessResult } from '../../src/process/result.js';

const result = (status: ProcessResult['status'], apiErrorStatus: number | null = null) => ({
  ...notStartedResult({ processId: 'p', agent: 'claude', logFile: '/dev/null' }, 'failed', 'x'),
  status,
  apiErrorStatus,
});

const limitStatus = (
  status: RateLimitStatus['status'],
  fields: Partial<RateLimitStatus> = {},
): RateLimitStatus => ({
  kind: 'status',
  status,
  resetsAt: null,
  limitType: null,
  utilization: null,
  ...fields,
});

/** True when `promise` settles once the pending callbacks have run (before a 50 ms timer). */
const settlesNow = (promise: Promise<unknown>) =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 50)),
  ]);

const watch = (admission: LocalAdmission) => {
  const changes: AdmissionChange[] = [];
  admission.onChange((change) => changes.push(change));
  return changes;
};

const admitAll = (admission: LocalAdmission, n: number) =>
  Promise.all([...Array(n).keys()].map(async () => (await admission.admit(null))!));

afterEach(() => {
  vi.useRealTimers();
});

describe('LocalAdmission under pressure', () => {
  test('each sign of pressure is named in the change it causes', async () => {
    const admission = new LocalAdmission({ slowStart: false, maxConcurrency: 64, cooldownMs: 0 });
    const changes = watch(admission);
    const [ticket] = await admitAll(admission, 64);
    ticket!.observe({ kind: 'retry', error: 'overloaded', status: 529 });
    ticket!.observe({ kind: 'retry', error: 'rate_limit', status: 429 });
    ticket!.observe(limitStatus('allowed_warning', { limitType: 'five_hour', utilization: 0.9 }));
    ticket!.observe(limitStatus('allowed_warning'));
    ticket!.observe(limitStatus('rejected', { limitType: 'seven_day' }));
    ticket!.observe(limitStatus('rejected'));
    expect(changes).toEqual([
      { action: 'concurrency', concurrency: 32, reason: 'overloaded: the agent retried a call' },
      { action: 'concurrency', concurrency: 16, reason: 'rate limited: the agent retried a call' },
      { action: 'concurrency', concurrency: 12, reason: 'close to the five_hour limit (90% used)' },
      { action: 'concurrency', concurrency: 9, reason: 'close to the rate limit' },
      { action: 'concurrency', concurrency: 4, reason: 'the seven_day limit refused a call' },
      { action: 'concurrency', concurrency: 2, reason: 'the rate limit refused a call' },
    ]);
    // A refusal without a reset cuts but does not pause.
    expect(admission.pausedUntil).toBeNull();
  });

  test('an allowed status changes nothing', async () => {
    const admission = new LocalAdmission({ slowStart: false, maxConcurrency: 4, cooldownMs: 0 });
    const changes = watch(admission);
    const [ticket] = await admitAll(admission, 4);
    ticket!.observe(limitStatus('allowed', { limitType: 'five_hour', utilization: 0.1 }));
    expect(admission.concurrency).toBe(4);
    expect(changes).toEqual([]);
  });

  test('a warning or an agent retry seen by a try does not make its failure rate limited', async () => {
    const admission = new LocalAdmission({ slowStart: false, cooldownMs: 0 });
    const warned = (await admission.admit(null))!;
    warned.observe(limitStatus('allowed_warning', { utilization: 0.8 }));
    expect(warned.settle(result('failed'))).toEqual({
      rateLimited: false,
      retryAt: null,
      limit: null,
    });
    const retried = (await admission.admit(null))!;
    retried.observe({ kind: 'retry', error: 'overloaded', status: 529 });
    expect(retried.settle(result('failed')).rateLimited).toBe(false);
  });

  test('a 529 result halves what was running, and is not rate limited', async () => {
    const admission = new LocalAdmission({ slowStart: false, cooldownMs: 0 });
    const changes = watch(admission);
    const [ticket] = await admitAll(admission, 4);
    expect(ticket!.settle(result('failed', 529)).rateLimited).toBe(false);
    expect(admission.concurrency).toBe(2);
    expect(changes).toEqual([
      { action: 'concurrency', concurrency: 2, reason: 'overloaded (529)' },
    ]);
  });

  test('a 429 result without a reset halves what was running, once, and backs off', async () => {
    const admission = new LocalAdmission(
      { slowStart: false, cooldownMs: 0, backoffMs: 1000 },
      () => 0,
    );
    const changes = watch(admission);
    const [ticket] = await admitAll(admission, 4);
    const before = Date.now();
    const settlement = ticket!.settle(result('failed', 429));
    expect(settlement.limit).toBe('rate limit (429)');
    expect(settlement.retryAt!.getTime()).toBeGreaterThanOrEqual(before + 500);
    expect(admission.concurrency).toBe(2);
    expect(changes).toEqual([
      { action: 'concurrency', concurrency: 2, reason: 'rate limited (429) without a reset time' },
    ]);
  });

  test('other failures leave the concurrency alone', async () => {
    const admission = new LocalAdmission({ slowStart: false, cooldownMs: 0 });
    const [ticket] = await admitAll(admission, 4);
    ticket!.settle(result('failed', 500));
    ticket!.settle(result('failed', 500));
    expect(admission.concurrency).toBe(Infinity);
  });

  test('a refusal without a reset time is rate limited with a backoff', async () => {
    const admission = new LocalAdmission({ slowStart: false, backoffMs: 1000 }, () => 0);
    const ticket = (await admission.admit(null))!;
    ticket.observe(limitStatus('rejected', { limitType: 'five_hour' }));
    const settlement = ticket.settle(result('failed'));
    expect(settlement).toMatchObject({ rateLimited: true, limit: 'rate limit (429)' });
  });

  test('a refusal whose reset has passed retries at that reset, without a pause', async () => {
    const admission = new LocalAdmission({ slowStart: false, jitterMs: 0 });
    const changes = watch(admission);
    const ticket = (await admission.admit(null))!;
    const resetsAt = new Date(Date.now() - 60_000);
    ticket.observe(limitStatus('rejected', { resetsAt, limitType: 'five_hour' }));
    const settlement = ticket.settle(result('failed', 429));
    expect(settlement).toMatchObject({ rateLimited: true, retryAt: resetsAt });
    expect(admission.pausedUntil).toBeNull();
    expect(changes.map((c) => c.action)).not.toContain('pause');
  });

  test('the pause and the retry time include the jitter', async () => {
    // A still clock: each try reports the instant it starts, so no lead comes off the pause.
    vi.useFakeTimers({ now: 1_000_000 });
    const admission = new LocalAdmission({ slowStart: false, jitterMs: 500 }, () => 1);
    const ticket = (await admission.admit(null))!;
    const resetsAt = Date.now() + 60_000;
    ticket.observe(limitStatus('rejected', { resetsAt: new Date(resetsAt) }));
    expect(admission.pausedUntil?.getTime()).toBe(resetsAt + 500);
    expect(ticket.settle(result('failed', 429)).retryAt?.getTime()).toBe(resetsAt + 500);
  });

  test('a later reset extends the pause; an earlier one does not shorten it', async () => {
    // A still clock: each try reports the instant it starts, so no lead comes off the pause.
    vi.useFakeTimers({ now: 1_000_000 });
    const admission = new LocalAdmission({ slowStart: false, jitterMs: 0 });
    const changes = watch(admission);
    const ticket = (await admission.admit(null))!;
    const now = Date.now();
    ticket.observe(limitStatus('rejected', { resetsAt: new Date(now + 60_000) }));
    ticket.observe(
      limitStatus('rejected', { resetsAt: new Date(now + 120_000), limitType: 'seven_day' }),
    );
    ticket.observe(limitStatus('rejected', { resetsAt: new Date(now + 90_000) }));
    expect(admission.pausedUntil?.getTime()).toBe(now + 120_000);
    expect(changes.filter((c) => c.action === 'pause')).toEqual([
      {
        action: 'pause',
        until: new Date(now + 60_000),
        limitType: null,
        reason: 'rate limit reached',
      },
      {
        action: 'pause',
        until: new Date(now + 120_000),
        limitType: 'seven_day',
        reason: 'seven_day limit reached',
      },
    ]);
  });

  test('a grown window admits every waiter it has room for, not only the next', async () => {
    const admission = new LocalAdmission({ slowStart: false, maxConcurrency: 2, cooldownMs: 0 });
    const changes = watch(admission);
    const [first, second] = await admitAll(admission, 2);
    first!.observe({ kind: 'retry', error: 'rate_limit', status: 429 });
    expect(admission.concurrency).toBe(1);
    second!.settle(result('failed'));
    const a = admission.admit(null);
    const b = admission.admit(null);
    first!.settle(result('succeeded'));
    expect(changes.at(-1)).toEqual({
      action: 'concurrency',
      concurrency: 2,
      reason: 'sustained success',
    });
    expect(await settlesNow(a)).toBe(true);
    expect(await settlesNow(b)).toBe(true);
  });
});

describe('LocalAdmission tickets', () => {
  test('a released ticket frees its place once, learning nothing', async () => {
    const admission = new LocalAdmission({ slowStart: false, maxConcurrency: 1 });
    const changes = watch(admission);
    const first = (await admission.admit(null))!;
    const second = admission.admit(null);
    first.release();
    expect(await settlesNow(second)).toBe(true);
    first.release();
    expect(first.settle(result('failed', 429)).rateLimited).toBe(false);
    const third = admission.admit(null);
    expect(await settlesNow(third)).toBe(false);
    (await second)!.release();
    expect(await settlesNow(third)).toBe(true);
    expect(changes).toEqual([]);
  });

  test('a ticket settles once: settling again frees nothing and is not rate limited', async () => {
    const admission = new LocalAdmission({ slowStart: false, maxConcurrency: 1 });
    const first = (await admission.admit(null))!;
    expect(first.settle(result('failed', 429)).rateLimited).toBe(true);
    const second = admission.admit(null);
    expect(await settlesNow(second)).toBe(true);
    expect(first.settle(result('failed', 429)).rateLimited).toBe(false);
    const third = admission.admit(null);
    expect(await settlesNow(third)).toBe(false);
    (await second)!.release();
    await third;
  });

  test('a wait that ends with a free place leaves no listener on the signal', async () => {
    const admission = new LocalAdmission({ slowStart: false, maxConcurrency: 1 });
    const controller = new AbortController();
    const first = (await admission.admit(null))!;
    const second = admission.admit(controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    first.release();
    expect(await second).not.toBeNull();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('LocalAdmission pauses', () => {
  test('the pause ends at its instant, not a millisecond later', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const admission = new LocalAdmission({ slowStart: false, jitterMs: 0 });
    const changes = watch(admission);
    expect(admission.pausedUntil).toBeNull();
    const ticket = (await admission.admit(null))!;
    ticket.observe(limitStatus('rejected', { resetsAt: new Date(1_001_000) }));
    ticket.settle(result('failed', 429));
    expect(admission.pausedUntil).toEqual(new Date(1_001_000));
    const next = admission.admit(null);
    await vi.advanceTimersByTimeAsync(999);
    expect(admission.pausedUntil).toEqual(new Date(1_001_000));
    await vi.advanceTimersByTimeAsync(1);
    expect(Date.now()).toBe(1_001_000);
    expect(admission.pausedUntil).toBeNull();
    expect(await next).not.toBeNull();
    expect(changes.map((c) => c.action)).toEqual(['concurrency', 'pause', 'resume']);
  });

  test('a pause that ends this instant, with no one waiting, reads as no pause', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const admission = new LocalAdmission({ slowStart: false, jitterMs: 0 });
    const ticket = (await admission.admit(null))!;
    ticket.observe(limitStatus('rejected', { resetsAt: new Date(1_001_000) }));
    vi.setSystemTime(1_001_000);
    expect(admission.pausedUntil).toBeNull();
  });

  test('a reset at this very instant does not pause', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const admission = new LocalAdmission({ slowStart: false, jitterMs: 0 });
    const changes = watch(admission);
    const ticket = (await admission.admit(null))!;
    ticket.observe(limitStatus('rejected', { resetsAt: new Date(1_000_000) }));
    expect(changes.map((c) => c.action)).toEqual(['concurrency']);
  });

  test('a wait for the reset ended by an abort leaves the pause in place', async () => {
    // A still clock: each try reports the instant it starts, so no lead comes off the pause.
    vi.useFakeTimers({ now: 1_000_000 });
    const admission = new LocalAdmission({ slowStart: false, jitterMs: 0 });
    const changes = watch(admission);
    const ticket = (await admission.admit(null))!;
    const resetsAt = new Date(Date.now() + 60_000);
    ticket.observe(limitStatus('rejected', { resetsAt }));
    const controller = new AbortController();
    const waiting = admission.admit(controller.signal);
    controller.abort();
    expect(await waiting).toBeNull();
    expect(admission.pausedUntil).toEqual(resetsAt);
    expect(changes.map((c) => c.action)).toEqual(['concurrency', 'pause']);
  });
});
