import { describe, expect, it } from 'vitest';
import { buildResult, type RunFacts } from '../../src/process/build-result.js';

function facts(overrides: Partial<RunFacts>): RunFacts {
  return {
    processId: 'p',
    agent: 'claude',
    logFile: '/l/p.log',
    durationMs: 1500,
    exit: { code: null, signal: 'SIGKILL' },
    endReason: null,
    escalated: false,
    graceMs: 5000,
    rawOutput: '',
    outputTruncated: false,
    stderr: '',
    findings: {},
    ...overrides,
  };
}

describe('result messages', () => {
  it('a child killed by a signal reads as a sentence, naming the signal once', () => {
    expect(buildResult(facts({})).message).toBe(
      'failed after 1.5 s: ended by signal killed (SIGKILL)',
    );
  });

  it('processes that survive SIGKILL are listed in the result and its message', () => {
    const result = buildResult(
      facts({
        endReason: { kind: 'timeout', timeoutMs: 1000 },
        escalated: true,
        survivors: [41, 42],
      }),
    );
    expect(result.survivors).toEqual([41, 42]);
    expect(result.message).toBe(
      'timed out after 1 s; SIGKILL after 5 s grace; 2 processes survived SIGKILL (pids 41, 42)',
    );
  });

  it('an idle timeout is a timeout whose message says the agent went silent', () => {
    const result = buildResult(
      facts({ endReason: { kind: 'idle', idleMs: 300_000 }, durationMs: 720_000 }),
    );
    expect(result.status).toBe('timed_out');
    expect(result.message).toBe('timed out: no output for 5 min (ran 12 min)');
  });
});
