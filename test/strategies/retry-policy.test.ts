import { describe, expect, it } from 'vitest';
import type { ProcessResult } from '../../src/process/result.js';
import { normalizeRetry } from '../../src/strategies/options.js';
import { isTransientFailure, retryReason } from '../../src/strategies/retry-policy.js';

function result(fields: Partial<ProcessResult>): ProcessResult {
  return {
    processId: 'p',
    status: 'failed',
    exitCode: 1,
    signal: null,
    durationMs: 10,
    output: '',
    stderr: '',
    outputTruncated: false,
    logFile: '/tmp/p.log',
    message: 'failed after 10 ms: exit code 1',
    sessionId: null,
    costUsd: null,
    usage: null,
    usagePartial: false,
    numTurns: null,
    model: null,
    isError: null,
    agent: 'claude',
    apiErrorStatus: null,
    survivors: [],
    permissionDenials: [],
    ...fields,
  };
}

const retry = normalizeRetry({ attempts: 3 })!;

describe('which outcomes are retried', () => {
  it('rate limits, overloads and server errors are transient', () => {
    for (const status of [429, 500, 502, 503, 529]) {
      expect(isTransientFailure(result({ apiErrorStatus: status }))).toBe(true);
    }
  });

  it('client errors, clean failures and successes are not', () => {
    for (const status of [400, 401, 403, 404, 413]) {
      expect(isTransientFailure(result({ apiErrorStatus: status }))).toBe(false);
    }
    expect(isTransientFailure(result({}))).toBe(false);
    expect(
      isTransientFailure(result({ status: 'succeeded', exitCode: 0, apiErrorStatus: 529 })),
    ).toBe(false);
  });

  it('only a failure is transient, and only up to status 599', () => {
    expect(isTransientFailure(result({ apiErrorStatus: 599 }))).toBe(true);
    expect(isTransientFailure(result({ apiErrorStatus: 600 }))).toBe(false);
    expect(isTransientFailure(result({ apiErrorStatus: 499 }))).toBe(false);
    for (const status of ['timed_out', 'cancelled', 'spawn_error'] as const) {
      expect(isTransientFailure(result({ status, apiErrorStatus: 529 }))).toBe(false);
    }
  });

  it('a success is never retried, whatever shouldRetry says', () => {
    const always = normalizeRetry({ attempts: 3, shouldRetry: () => true })!;
    expect(retryReason(result({ status: 'succeeded', exitCode: 0 }), always)).toBeNull();
  });

  it('the reason names the API status in words', () => {
    expect(retryReason(result({ apiErrorStatus: 529 }), retry)).toBe('API error 529 (overloaded)');
    expect(retryReason(result({ apiErrorStatus: 429 }), retry)).toBe(
      'API error 429 (rate limited)',
    );
  });

  it('timeouts and cancels are never retried, whatever shouldRetry says', () => {
    const always = normalizeRetry({ attempts: 3, shouldRetry: () => true })!;
    expect(retryReason(result({ status: 'timed_out', apiErrorStatus: 529 }), always)).toBeNull();
    expect(retryReason(result({ status: 'cancelled' }), always)).toBeNull();
    expect(retryReason(result({ status: 'spawn_error' }), always)).toBe(
      'failed after 10 ms: exit code 1',
    );
  });
});
