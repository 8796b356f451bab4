/**
 * The slow start, on a frozen clock: before the account says anything, one
 * try starts; its first word (a limit report, a notice that none will come,
 * its end) or slowStartMs opens the rest.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { AdmissionTicket } from '../../src/admission/controller.js';
import { LocalAdmission } from '../../src/admission/local-admission.js';
import type { AdmissionOptions } from '../../src/admission/options.js';
import { notStartedResult } from '../../src/process/build-result.js';

const succeeded = {
  ...notStartedResult({ processId: 'p', agent: 'claude', logFile: '/dev/null' }, 'failed', 'x'),
  status: 'succeeded' as const,
};

/** `n` starts asked for at once, and how many of them have been let through so far. */
function ask(admission: LocalAdmission, n: number) {
  const tickets: AdmissionTicket[] = [];
  const all = Promise.all(
    [...Array(n).keys()].map(async () => {
      const ticket = (await admission.admit(null))!;
      tickets.push(ticket);
      return ticket;
    }),
  );
  return { tickets, all };
}

/** Runs what is due now, the clock still. */
const flush = () => vi.advanceTimersByTimeAsync(0);

const slow = (options: AdmissionOptions = {}) =>
  new LocalAdmission({ maxConcurrency: 8, jitterMs: 0, ...options });

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the slow start', () => {
  test('one try starts first; its first limit report opens the rest, as many as the window has room for', async () => {
    const admission = slow();
    const { tickets } = ask(admission, 8);
    await flush();
    expect(tickets).toHaveLength(1);
    expect(admission.concurrency).toBe(1);

    // One call of a window of four: three more fit in it.
    tickets[0]!.observe({
      kind: 'status',
      status: 'allowed',
      resetsAt: new Date(Date.now() + 10_000),
      limitType: 'five_hour',
      utilization: 0.25,
    });
    await flush();
    expect(tickets).toHaveLength(4);
    expect(admission.concurrency).toBe(8);
    // The next window's share starts when it opens.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(tickets).toHaveLength(8);
  });

  test('an agent saying its account sends no reports (an API key) opens it at once', async () => {
    const admission = slow();
    const { tickets, all } = ask(admission, 8);
    await flush();
    expect(tickets).toHaveLength(1);
    tickets[0]!.observe({ kind: 'unreported' });
    await all;
    expect(tickets).toHaveLength(8);
  });

  test('a try that ends opens it, whatever its result', async () => {
    const admission = slow();
    const { tickets, all } = ask(admission, 9);
    await flush();
    tickets[0]!.settle(succeeded);
    await all;
    expect(tickets).toHaveLength(9);
  });

  test('with no word at all it holds the rest back slowStartMs from the first start, no longer', async () => {
    const admission = slow({ slowStartMs: 5000 });
    const { tickets } = ask(admission, 8);
    await vi.advanceTimersByTimeAsync(4999);
    expect(tickets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(tickets).toHaveLength(8);
  });

  test('slowStart sets how many start first, and false turns it off', async () => {
    const two = ask(slow({ slowStart: 2 }), 8);
    const off = ask(slow({ slowStart: false }), 8);
    await flush();
    expect(two.tickets).toHaveLength(2);
    expect(off.tickets).toHaveLength(8);
  });

  test('a first try that does not start after all gives its place to the next', async () => {
    const admission = slow();
    const { tickets } = ask(admission, 3);
    await flush();
    tickets[0]!.release();
    await flush();
    expect(tickets).toHaveLength(2);
    // A release says nothing about the account: the slow start still holds the third back.
    expect(admission.concurrency).toBe(1);
  });

  test('a try that draws on no account starts at once, and is neither the probe nor, by its end, what opens it', async () => {
    const admission = slow();
    const offAccount = () => admission.admit(null, null, { drawsOnAccount: false });
    const commands = await Promise.all([offAccount(), offAccount(), offAccount()]);
    expect(commands.every((ticket) => ticket !== null)).toBe(true);
    const { tickets } = ask(admission, 3);
    await flush();
    // The first try on the account is the probe, whatever ran before it.
    expect(tickets).toHaveLength(1);
    commands[0]!.settle(succeeded);
    await flush();
    expect(tickets).toHaveLength(1);

    // Nor does the account's pause hold it.
    tickets[0]!.observe({
      kind: 'status',
      status: 'rejected',
      resetsAt: new Date(Date.now() + 60_000),
      limitType: 'five_hour',
      utilization: 1,
    });
    expect(admission.pausedUntil).not.toBeNull();
    expect(await offAccount()).not.toBeNull();
  });
});
