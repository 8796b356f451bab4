import { describe, expect, test } from 'vitest';
import { RECENT_LIMIT, RunState } from '../../../src/cli/render/run-state.js';
import { at, base, endEvent, retryEvent, startEvent, usage } from './run-events.js';

describe('RunState', () => {
  test('processes start pending and follow their events to the end', () => {
    const state = new RunState('parallel', [
      { processId: 'p1', prompt: 'one' },
      { processId: 'p2', prompt: 'two' },
    ]);
    state.apply(startEvent('p1', 0));
    expect(state.find('p1')?.phase).toBe('running');
    expect(state.find('p2')?.phase).toBe('pending');
    state.apply(endEvent('p1', 1, 'succeeded', 0.5));
    expect(state.find('p1')).toMatchObject({
      phase: 'succeeded',
      costUsd: 0.5,
      durationMs: 1500,
    });
    expect(Object.fromEntries(state.counts())).toEqual({ succeeded: 1, pending: 1 });
  });

  test('tokens of a running try add to those of the tries before it, and costs sum over tries', () => {
    const state = new RunState('parallel', [{ processId: 'p1', prompt: 'one' }]);
    state.apply(endEvent('p1', 1, 'failed', 0.25, usage(100, 10)));
    state.apply(retryEvent('p1', 2, 2100));
    expect(state.find('p1')).toMatchObject({
      phase: 'retrying',
      attempt: 2,
      note: 'rate limited (429)',
    });
    expect(Object.fromEntries(state.counts())).toEqual({ retrying: 1 });
    state.apply({
      ...base,
      at: at(3200),
      kind: 'process-activity',
      processId: 'p1',
      attempt: 2,
      turns: 1,
      inputTokens: 50,
      outputTokens: 5,
      cacheReadInputTokens: 0,
      cacheCreationInputTokens: 0,
      activity: '-> Write(a.txt)',
    });
    expect(state.find('p1')?.usage).toEqual(usage(150, 15));
    expect(state.find('p1')?.note).toBe('-> Write(a.txt)');
    expect(state.totalUsage()).toEqual(usage(150, 15));
    state.apply(endEvent('p1', 2, 'succeeded', 0.25, usage(60, 6)));
    expect(state.totalUsage()).toEqual(usage(160, 16));
    expect(state.totalCost()).toBe(0.5);
    expect(Object.fromEntries(state.counts())).toEqual({ succeeded: 1 });
  });

  test('no cost is reported as null, not zero', () => {
    const state = new RunState('parallel', [{ processId: 'p1', prompt: 'one' }]);
    state.apply(endEvent('p1', 1, 'failed', null));
    expect(state.totalCost()).toBeNull();
  });

  test('ended processes fold into counters: the views held stay bounded while the totals stay exact', () => {
    const runs = 10_000;
    const state = new RunState(
      'parallel',
      Array.from({ length: runs }, (_, i) => ({ processId: `p${i}`, prompt: `task ${i}` })),
    );
    for (let i = 0; i < runs; i++) {
      state.apply(startEvent(`p${i}`, i));
      const status = i % 10 === 0 ? 'failed' : 'succeeded';
      state.apply(endEvent(`p${i}`, 1, status, 0.001, usage(10, 2)));
      // Only the plan still waiting, the running and the recent ended (of each kind) are held.
      if (i % 500 === 0)
        expect(state.heldViews).toBeLessThanOrEqual(runs - i - 1 + 2 * RECENT_LIMIT);
    }
    expect(state.heldViews).toBe(2 * RECENT_LIMIT);
    expect(state.size).toBe(runs);
    expect(Object.fromEntries(state.counts())).toEqual({ succeeded: 9_000, failed: 1_000 });
    expect(state.totalUsage()).toEqual(usage(100_000, 20_000));
    expect(state.totalCost()).toBeCloseTo(10, 6);
    // The first runs are no longer held as views; the last ones are.
    expect(state.find('p0')).toBeUndefined();
    expect(state.find(`p${runs - 1}`)?.phase).toBe('succeeded');
  });

  test('a retry of a process no longer held moves it from its ended count back to running', () => {
    const ids = Array.from({ length: RECENT_LIMIT + 2 }, (_, i) => `p${i}`);
    const state = new RunState(
      'parallel',
      ids.map((processId) => ({ processId, prompt: processId })),
    );
    state.apply(endEvent('p0', 1, 'failed', 0.1, usage(10, 1)));
    for (const id of ids.slice(1)) state.apply(endEvent(id, 1, 'failed', null, null));
    expect(state.find('p0')).toBeUndefined();
    state.apply(retryEvent('p0', 2, 5000));
    state.apply(startEvent('p0', 6000, 2));
    expect(Object.fromEntries(state.counts())).toEqual({ failed: ids.length - 1, running: 1 });
    expect(state.size).toBe(ids.length);
    state.apply(endEvent('p0', 2, 'succeeded', 0.1, usage(10, 1)));
    expect(Object.fromEntries(state.counts())).toEqual({ failed: ids.length - 1, succeeded: 1 });
    // Both tries count toward the totals.
    expect(state.totalUsage()).toEqual(usage(20, 2));
    expect(state.totalCost()).toBeCloseTo(0.2, 9);
  });

  test('processes that never started are counted as not run when the run ends', () => {
    const state = new RunState('fallback', [
      { processId: 'p1', prompt: 'one' },
      { processId: 'p2', prompt: 'two' },
    ]);
    state.apply(startEvent('p1', 0));
    state.apply(endEvent('p1', 1, 'succeeded', null));
    state.finish();
    expect(Object.fromEntries(state.counts())).toEqual({ succeeded: 1, not_run: 1 });
    expect(state.find('p2')?.phase).toBe('not_run');
  });
});
