/**
 * The mock account drives the real claude into a real-looking limit: a
 * subscription login reads the unified headers and prints `rate_limit_event`s,
 * an API key sees plain 429s with `retry-after` and retries them itself.
 */
import { afterEach, describe, expect, test } from 'vitest';
import {
  runClaude,
  withMockClaude,
  type ClaudeEvent,
  type MockClaude,
} from '../../helpers/mock-claude.js';

let mock: MockClaude | undefined;
afterEach(async () => {
  await mock?.cleanup();
  mock = undefined;
});

const rateLimitInfo = (events: ClaudeEvent[]) =>
  events
    .filter((event) => event.type === 'rate_limit_event')
    .map((event) => event.rate_limit_info as Record<string, unknown>);

describe('the mock account', () => {
  test('a subscription sees allowed, then allowed_warning, then a rejected limit with its reset', async () => {
    mock = await withMockClaude(
      { account: { requests: 2, windowMs: 60_000, warnAt: 0.9 } },
      { auth: 'subscription' },
    );
    const first = await runClaude(mock, 'one');
    const second = await runClaude(mock, 'two');
    const third = await runClaude(mock, 'three');

    expect(first.exitCode).toBe(0);
    expect(rateLimitInfo(first.events)).toEqual([
      expect.objectContaining({ status: 'allowed', rateLimitType: 'five_hour' }),
    ]);
    expect(second.exitCode).toBe(0);
    expect(rateLimitInfo(second.events)).toEqual([
      expect.objectContaining({ status: 'allowed_warning', utilization: 1 }),
    ]);
    expect(third.exitCode).toBe(1);
    const [rejected] = rateLimitInfo(third.events);
    expect(rejected).toMatchObject({ status: 'rejected', rateLimitType: 'five_hour' });
    const resetsAt = rejected!.resetsAt as number;
    expect(resetsAt * 1000).toBeGreaterThan(Date.now() + 30_000);
    expect(resetsAt * 1000).toBeLessThanOrEqual(Date.now() + 61_000);
    expect(third.result).toMatchObject({
      is_error: true,
      api_error_status: 429,
      api_error: 'usage_limit_reached',
    });
    // A subscription's rejection is final: claude does not retry it.
    expect(mock.model.requests.map((r) => [r.answer, r.status])).toEqual([
      ['text', 200],
      ['text', 200],
      ['rate_limited', 429],
    ]);
    expect(mock.model.account).toMatchObject({ admitted: 2, rejected: 1 });
  });

  test('an API key gets a 429 with retry-after and succeeds once the window resets', async () => {
    mock = await withMockClaude({ account: { requests: 1, windowMs: 5_000 } }, { maxRetries: 3 });
    // Two at once: one call fits the window, the other is refused until it resets.
    const runs = await Promise.all([runClaude(mock, 'first'), runClaude(mock, 'second')]);

    expect(runs.map((run) => run.exitCode)).toEqual([0, 0]);
    expect(runs.map((run) => run.result?.is_error)).toEqual([false, false]);
    const retried = runs.flatMap((run) => run.events.filter((e) => e.subtype === 'api_retry'));
    expect(retried[0]).toMatchObject({ error_status: 429, error: 'rate_limit' });
    expect(runs.flatMap((run) => rateLimitInfo(run.events))).toEqual([]);
    expect(mock.model.account!.rejected).toBeGreaterThanOrEqual(1);
    expect(mock.model.requests.at(-1)).toMatchObject({ answer: 'text', status: 200 });
  });

  test('a token limit refuses a call that would pass tokensPerMinute', async () => {
    mock = await withMockClaude(
      { account: { requests: 100, tokensPerMinute: 1_000 } },
      { maxRetries: 0 },
    );
    const run = await runClaude(mock, 'a long request');
    expect(run.exitCode).toBe(1);
    expect(run.result).toMatchObject({ api_error_status: 429 });
    expect(mock.model.requests.map((r) => r.answer)).toEqual(['rate_limited']);
  });
});
