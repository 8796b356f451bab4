import { describe, expect, test } from 'vitest';
import { WindowQuota } from '../../src/admission/window-quota.js';

const t0 = 1_000_000;
const reset = new Date(t0 + 10_000);

/** Starts `n` tries at `at`; each reports `utilization` of the window ending at `resetsAt` after `lead` ms. */
function startAndReport(quota: WindowQuota, utilizations: number[], at: number, lead: number) {
  for (const u of utilizations) {
    const key = {};
    quota.started(key, at);
    quota.report(key, reset, u, at + lead);
  }
}

describe('WindowQuota', () => {
  test('before any report it holds no start', () => {
    const quota = new WindowQuota(0);
    expect(quota.known).toBe(false);
    expect(quota.nextStart(t0)).toBe(t0);
  });

  test('a full window holds the next start until its reset less most of the lead', () => {
    const quota = new WindowQuota(0);
    startAndReport(quota, [0.25, 0.5, 0.75], t0, 2000);
    expect(quota.capacity).toBe(4);
    // One call left: one more start, then none.
    expect(quota.nextStart(t0 + 2000)).toBe(t0 + 2000);
    quota.started({}, t0 + 2000);
    expect(quota.nextStart(t0 + 2000)).toBe(reset.getTime() - 1600);
    // At that time the next window opens: four starts, the fifth waits for its reports.
    const opens = reset.getTime() - 1600;
    for (let i = 0; i < 4; i++) {
      expect(quota.nextStart(opens)).toBe(opens);
      quota.started({}, opens);
    }
    expect(quota.nextStart(opens)).toBe(Infinity);
  });

  test('a late report from the window left behind changes nothing', () => {
    const quota = new WindowQuota(0);
    startAndReport(quota, [0.5], t0, 1000);
    const late = {};
    quota.started(late, t0);
    quota.full(reset);
    const opens = quota.nextStart(t0 + 1000);
    expect(opens).toBe(reset.getTime() - 800);
    expect(quota.nextStart(opens)).toBe(opens);
    quota.report(late, reset, 1, opens + 10);
    expect(quota.nextStart(opens + 10)).toBe(opens + 10);
  });
});
