import { describe, expect, test } from 'vitest';
import { agentRetryText } from '../../src/events/agent-retry-text.js';
import { apiRetryOf } from '../../src/agents/claude/api-retry.js';

describe('an agent retry in words', () => {
  test('a rate limit names its status, the retry count and the wait', () => {
    expect(
      agentRetryText({
        agentAttempt: 3,
        maxRetries: 10,
        delayMs: 8000,
        errorStatus: 429,
        error: 'rate_limit',
      }),
    ).toBe('429 rate limit — retry 3/10 in 8 s');
  });

  test('an unknown status falls back to the agent word, and a missing status to the error', () => {
    const base = { agentAttempt: 1, maxRetries: null, delayMs: 609 };
    expect(agentRetryText({ ...base, errorStatus: 599, error: 'weird_thing' })).toBe(
      '599 weird thing — retry 1 in 609 ms',
    );
    expect(agentRetryText({ ...base, errorStatus: null, error: 'connection_error' })).toBe(
      'connection error — retry 1 in 609 ms',
    );
  });

  test("claude's api_retry event is read field by field; other events are not retries", () => {
    expect(
      apiRetryOf({
        type: 'system',
        subtype: 'api_retry',
        attempt: 2,
        max_retries: 2,
        retry_delay_ms: 1232,
        error_status: 529,
        error: 'overloaded',
      }),
    ).toEqual({
      agentAttempt: 2,
      maxRetries: 2,
      delayMs: 1232,
      errorStatus: 529,
      error: 'overloaded',
    });
    expect(apiRetryOf({ type: 'system', subtype: 'init' })).toBeNull();
  });
});
