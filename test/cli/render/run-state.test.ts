import { describe, expect, test } from 'vitest';
import type { OrchestrateEvent } from '../../../src/events/types.js';
import { RunState } from '../../../src/cli/render/run-state.js';

const at = (ms: number) => new Date(1_700_000_000_000 + ms).toISOString();
const base = { seq: 1, sessionId: 's' };
const usage = (input: number, output: number) => ({
  inputTokens: input,
  outputTokens: output,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 0,
});

function end(
  processId: string,
  attempt: number,
  status: 'succeeded' | 'failed',
  cost: number | null,
  u = usage(10, 5),
): OrchestrateEvent {
  return {
    ...base,
    at: at(2000),
    kind: 'process-end',
    processId,
    attempt,
    status,
    exitCode: status === 'succeeded' ? 0 : 1,
    signal: null,
    durationMs: 1500,
    message: `${status} in 1.5 s`,
    logFile: '/x.log',
    agentSessionId: null,
    costUsd: cost,
    usage: u,
    usagePartial: false,
    numTurns: 1,
    model: 'm',
    isError: false,
    agent: 'claude',
    apiErrorStatus: null,
    outputChars: 2,
    outputTruncated: false,
    outputExcerpt: 'ok',
    stderrExcerpt: '',
  };
}

describe('RunState', () => {
  test('processes start pending and follow their events to the end', () => {
    const state = new RunState('parallel', [
      { processId: 'p1', prompt: 'one' },
      { processId: 'p2', prompt: 'two' },
    ]);
    state.apply({
      ...base,
      at: at(0),
      kind: 'process-start',
      processId: 'p1',
      attempt: 1,
      pid: 1,
      command: 'c',
      args: [],
      promptChars: 3,
      logFile: '/x',
    });
    expect(state.processes.get('p1')?.phase).toBe('running');
    expect(state.processes.get('p2')?.phase).toBe('pending');
    state.apply(end('p1', 1, 'succeeded', 0.5));
    expect(state.processes.get('p1')).toMatchObject({
      phase: 'succeeded',
      costUsd: 0.5,
      durationMs: 1500,
    });
    expect(Object.fromEntries(state.counts())).toEqual({ succeeded: 1, pending: 1 });
  });

  test('tokens of a running try add to those of the tries before it, and costs sum over tries', () => {
    const state = new RunState('parallel', [{ processId: 'p1', prompt: 'one' }]);
    state.apply(end('p1', 1, 'failed', 0.25, usage(100, 10)));
    state.apply({
      ...base,
      at: at(2100),
      kind: 'retry',
      processId: 'p1',
      attempt: 2,
      delayMs: 1000,
      reason: 'rate limited (429)',
      previousStatus: 'failed',
      previousApiErrorStatus: 429,
    });
    expect(state.processes.get('p1')).toMatchObject({
      phase: 'retrying',
      attempt: 2,
      note: 'rate limited (429)',
    });
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
    expect(state.processes.get('p1')?.usage).toEqual(usage(150, 15));
    expect(state.processes.get('p1')?.note).toBe('-> Write(a.txt)');
    state.apply(end('p1', 2, 'succeeded', 0.25, usage(60, 6)));
    expect(state.totalUsage()).toEqual(usage(160, 16));
    expect(state.totalCost()).toBe(0.5);
  });

  test('no cost is reported as null, not zero', () => {
    const state = new RunState('parallel', [{ processId: 'p1', prompt: 'one' }]);
    state.apply(end('p1', 1, 'failed', null));
    expect(state.totalCost()).toBeNull();
  });
});
