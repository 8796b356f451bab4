import { afterEach, describe, expect, test, vi } from 'vitest';
import type { AdmissionChange } from '../../src/admission/controller.js';
import { LocalAdmission } from '../../src/admission/local-admission.js';
import { notStartedResult } from '../../src/process/build-result.js';
import type { ProcessResult } from '../../src/process/result.js';

const result = (status: ProcessResult['status'], apiErrorStatus: number | null = null) => ({
  ...notStartedResult({ processId: 'p', agent: 'claude', logFile: '/dev/null' }, 'failed', 'x'),
  status,
  apiErrorStatus,
});

const rejected = (resetsAt: Date) => ({
  kind: 'status' as const,
  status: 'rejected' as const,
  resetsAt,
  limitType: 'five_hour',
  utilization: 1,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('LocalAdmission', () => {
  test('a rejected limit pauses every new start until its reset, and the run is not a spent try', async () => {
    // A still clock: the try reports the instant it starts, so no lead comes off the pause.
    vi.useFakeTimers({ now: 1_000_000 });
    const admission = new LocalAdmission({ slowStart: false, jitterMs: 0 });
    const changes: AdmissionChange[] = [];
    admission.onChange((change) => changes.push(change));
    const ticket = (await admission.admit(null))!;
    const resetsAt = new Date(Date.now() + 300);
    ticket.observe(rejected(resetsAt));
    expect(admission.pausedUntil?.getTime()).toBe(resetsAt.getTime());
    const settlement = ticket.settle(result('failed', 429));
    expect(settlement).toMatchObject({ rateLimited: true, retryAt: resetsAt });
    expect(settlement.limit).toMatch(/^five_hour limit, resets \d\d:\d\d$/);

    const waiting = admission.admit(null);
    await vi.advanceTimersByTimeAsync(300);
    const next = await waiting;
    expect(next).not.toBeNull();
    expect(Date.now()).toBeGreaterThanOrEqual(resetsAt.getTime());
    // The refusal also halves the concurrency, so fewer meet the wall after the reset.
    expect(changes.map((c) => c.action)).toEqual(['concurrency', 'pause', 'resume']);
    expect(changes[1]).toMatchObject({ until: resetsAt, limitType: 'five_hour' });
  });

  test('starts wait for a free place under the concurrency, in order', async () => {
    const admission = new LocalAdmission({ slowStart: false, maxConcurrency: 1 });
    const first = (await admission.admit(null))!;
    const order: string[] = [];
    const second = admission.admit(null).then((t) => (order.push('second'), t));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    first.settle(result('succeeded'));
    await second;
    expect(order).toEqual(['second']);
  });

  test('an aborted signal ends the wait with no ticket', async () => {
    const admission = new LocalAdmission({ slowStart: false, maxConcurrency: 1 });
    await admission.admit(null);
    const controller = new AbortController();
    const waiting = admission.admit(controller.signal);
    controller.abort();
    expect(await waiting).toBeNull();
  });

  test('an agent retrying a 429 halves the concurrency; successes grow it back', async () => {
    const admission = new LocalAdmission({ slowStart: false, maxConcurrency: 4, cooldownMs: 0 });
    const tickets = await Promise.all([1, 2, 3, 4].map(() => admission.admit(null)));
    tickets[0]!.observe({ kind: 'retry', error: 'rate_limit', status: 429 });
    expect(admission.concurrency).toBe(2);
    for (const ticket of tickets) ticket!.settle(result('succeeded'));
    expect(admission.concurrency).toBe(3);
  });

  test('a warning lowers the concurrency before the wall', async () => {
    const admission = new LocalAdmission({ slowStart: false, maxConcurrency: 8 });
    const tickets = await Promise.all([...Array(8).keys()].map(() => admission.admit(null)));
    tickets[0]!.observe({
      kind: 'status',
      status: 'allowed_warning',
      resetsAt: null,
      limitType: 'five_hour',
      utilization: 0.9,
    });
    expect(admission.concurrency).toBe(6);
  });

  test('a 429 without a reset is rate limited, with a backoff and a cut', async () => {
    const admission = new LocalAdmission(
      { slowStart: false, maxConcurrency: 4, backoffMs: 1000, cooldownMs: 0 },
      () => 1,
    );
    const ticket = (await admission.admit(null))!;
    const before = Date.now();
    const settlement = ticket.settle(result('failed', 429));
    expect(settlement.rateLimited).toBe(true);
    expect(settlement.retryAt!.getTime() - before).toBeGreaterThanOrEqual(1000);
    expect(admission.concurrency).toBe(1);
  });

  test('other failures are not rate limited', async () => {
    const admission = new LocalAdmission({ slowStart: false });
    const ticket = (await admission.admit(null))!;
    expect(ticket.settle(result('failed', 500)).rateLimited).toBe(false);
  });

  test('bad options name the option and the value', () => {
    expect(() => new LocalAdmission({ maxWaitMs: -1 })).toThrow(
      'Expected `admission.maxWaitMs` to be an integer of at least 0, got `-1` (number)',
    );
    expect(() => new LocalAdmission({ minConcurrency: 3, maxConcurrency: 2 })).toThrow(
      /minConcurrency.*at most.*maxConcurrency/,
    );
  });
});
