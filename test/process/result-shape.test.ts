/** buildResult, fact by fact: the status, the exit code, the message and every field. */
import { describe, expect, it } from 'vitest';
import { buildResult, notStartedResult, type RunFacts } from '../../src/process/build-result.js';

function facts(overrides: Partial<RunFacts> = {}): RunFacts {
  return {
    processId: 'p',
    agent: 'command',
    logFile: '/l/p.log',
    durationMs: 1500.4,
    exit: { code: 0, signal: null },
    endReason: null,
    escalated: false,
    graceMs: 5000,
    rawOutput: 'raw out',
    outputTruncated: false,
    stderr: 'err',
    findings: {},
    ...overrides,
  };
}

describe('buildResult', () => {
  it('a clean exit succeeds with its own exit code, the raw output and null agent fields', () => {
    expect(buildResult(facts())).toMatchObject({
      processId: 'p',
      status: 'succeeded',
      exitCode: 0,
      signal: null,
      durationMs: 1500,
      output: 'raw out',
      stderr: 'err',
      outputTruncated: false,
      logFile: '/l/p.log',
      message: 'succeeded in 1.5 s',
      sessionId: null,
      costUsd: null,
      usage: null,
      numTurns: null,
      model: null,
      isError: null,
      apiErrorStatus: null,
      survivors: [],
    });
  });

  it("the agent's findings fill the fields, and its cost joins the message", () => {
    const usage = {
      inputTokens: 1,
      outputTokens: 2,
      cacheCreationInputTokens: 3,
      cacheReadInputTokens: 4,
    };
    const result = buildResult(
      facts({
        findings: {
          output: 'the answer',
          sessionId: 's-1',
          costUsd: 0.0123,
          usage,
          numTurns: 2,
          model: 'm',
          isError: false,
          apiErrorStatus: 529,
        },
      }),
    );
    expect(result).toMatchObject({
      output: 'the answer',
      sessionId: 's-1',
      costUsd: 0.0123,
      usage,
      numTurns: 2,
      model: 'm',
      isError: false,
      apiErrorStatus: 529,
      message: 'succeeded in 1.5 s, $0.0123',
    });
    expect(buildResult(facts({ findings: { costUsd: 0 } })).message).toBe(
      'succeeded in 1.5 s, $0.0000',
    );
  });

  it("the agent's verdict outranks the exit code, and its reason is the message", () => {
    const failed = buildResult(facts({ findings: { status: 'failed', reason: 'API error 529' } }));
    expect(failed).toMatchObject({
      status: 'failed',
      exitCode: 0,
      message: 'failed after 1.5 s: API error 529',
    });
  });

  it('a failing exit code is explained in words, or given bare when it has none', () => {
    const notFound = buildResult(facts({ exit: { code: 127, signal: null } }));
    expect(notFound).toMatchObject({ status: 'failed', exitCode: 127 });
    expect(notFound.message).toBe('failed after 1.5 s: exit code 127 (command not found)');
    expect(buildResult(facts({ exit: { code: 3, signal: null } })).message).toBe(
      'failed after 1.5 s: exit code 3',
    );
  });

  it('a child killed from outside fails, with no exit code of its own and the signal named', () => {
    const result = buildResult(facts({ exit: { code: null, signal: 'SIGKILL' } }));
    expect(result).toMatchObject({ status: 'failed', exitCode: -1, signal: 'SIGKILL' });
    expect(result.message).toMatch(/^failed after 1\.5 s: ended by signal .*SIGKILL/);
  });

  it('a timeout of ours is timed_out with exit code -1, even when the child exited 143', () => {
    const result = buildResult(
      facts({
        exit: { code: 143, signal: null },
        endReason: { kind: 'timeout', timeoutMs: 30_000 },
      }),
    );
    expect(result).toMatchObject({ status: 'timed_out', exitCode: -1, signal: null });
    expect(result.message).toBe('timed out after 30 s');
    const escalated = buildResult(
      facts({
        exit: { code: null, signal: 'SIGKILL' },
        endReason: { kind: 'timeout', timeoutMs: 200 },
        escalated: true,
        graceMs: 300,
      }),
    );
    expect(escalated.message).toBe('timed out after 200 ms; SIGKILL after 300 ms grace');
  });

  it('a cancel is cancelled, with its reason when it has one', () => {
    const cancel = (reason?: string) =>
      buildResult(
        facts({ exit: { code: null, signal: 'SIGTERM' }, endReason: { kind: 'cancel', reason } }),
      );
    expect(cancel('Ctrl-C')).toMatchObject({
      status: 'cancelled',
      exitCode: -1,
      message: 'cancelled after 1.5 s (Ctrl-C)',
    });
    expect(cancel().message).toBe('cancelled after 1.5 s');
    expect(cancel('').message).toBe('cancelled after 1.5 s');
    const terminated = buildResult(facts({ endReason: { kind: 'terminate' }, escalated: true }));
    expect(terminated).toMatchObject({
      status: 'cancelled',
      exitCode: -1,
      message: 'cancelled after 1.5 s; SIGKILL after 5 s grace',
    });
  });

  it('an error of ours fails the run with its message, whatever the agent said', () => {
    const result = buildResult(
      facts({
        endReason: { kind: 'error', message: "a 'start' listener threw: boom" },
        findings: { status: 'succeeded', reason: 'fine' },
      }),
    );
    expect(result).toMatchObject({
      status: 'failed',
      exitCode: -1,
      message: "failed after 1.5 s: a 'start' listener threw: boom",
    });
  });

  it('processes that outlived SIGKILL are named, one or several', () => {
    expect(buildResult(facts({ survivors: [12] })).message).toBe(
      'succeeded in 1.5 s; 1 process survived SIGKILL (pid 12)',
    );
    const several = buildResult(facts({ survivors: [12, 13] }));
    expect(several.message).toBe('succeeded in 1.5 s; 2 processes survived SIGKILL (pids 12, 13)');
    expect(several.survivors).toEqual([12, 13]);
  });
});

describe('notStartedResult', () => {
  it('has the status and message given, no exit and empty output', () => {
    expect(
      notStartedResult(
        { processId: 'p', agent: 'command', logFile: '/l/p.log' },
        'spawn_error',
        'command not found: x',
        12,
      ),
    ).toMatchObject({
      processId: 'p',
      agent: 'command',
      status: 'spawn_error',
      exitCode: -1,
      signal: null,
      durationMs: 12,
      output: '',
      stderr: '',
      outputTruncated: false,
      logFile: '/l/p.log',
      message: 'command not found: x',
      sessionId: null,
      costUsd: null,
      usage: null,
      numTurns: null,
      model: null,
      isError: null,
      apiErrorStatus: null,
      survivors: [],
    });
  });
});
