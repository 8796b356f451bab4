/**
 * The mock model is faithful: the real claude, driven directly (not through
 * orchestrate), reacts to it as to the API. These tests check the mock; every
 * other test reaches claude through orchestrate.
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

const retries = (events: ClaudeEvent[]) =>
  events.filter((event) => event.type === 'system' && event.subtype === 'api_retry');

describe('API errors from the mock model', () => {
  test.each([
    [401, 'authentication_error'],
    [429, 'rate_limit_error'],
    [529, 'overloaded_error'],
  ])(
    'a %i ends the run with is_error, its api_error_status and exit code 1',
    async (status, type) => {
      mock = await withMockClaude({ default: { error: { status } } }, { maxRetries: 1 });
      const run = await runClaude(mock, 'fail please');
      expect(run.exitCode).toBe(1);
      expect(run.result).toMatchObject({
        type: 'result',
        subtype: 'success',
        is_error: true,
        api_error_status: status,
        api_error_type: type,
      });
      expect(retries(run.events)).toEqual([
        expect.objectContaining({ attempt: 1, max_retries: 1, error_status: status }),
      ]);
      expect(mock.model.requests.map((r) => r.status)).toEqual([status, status]);
    },
  );

  test('claude waits at least the retry-after of a 429 before it asks again', async () => {
    mock = await withMockClaude(
      { default: { error: { status: 429, retryAfter: 2 } } },
      { maxRetries: 1 },
    );
    const run = await runClaude(mock, 'slow down');
    expect(retries(run.events)).toEqual([
      expect.objectContaining({ error_status: 429, retry_delay_ms: expect.any(Number) }),
    ]);
    expect(retries(run.events)[0]!['retry_delay_ms']).toBeGreaterThanOrEqual(2000);
    expect(run.result).toMatchObject({ is_error: true, api_error_status: 429 });
  });

  test('an error with shouldRetry false is not retried by claude', async () => {
    mock = await withMockClaude(
      { default: { error: { status: 529, shouldRetry: false } } },
      { maxRetries: 2 },
    );
    const run = await runClaude(mock, 'fail once');
    expect(run.result).toMatchObject({ is_error: true, api_error_status: 529 });
    expect(retries(run.events)).toEqual([]);
    expect(mock.model.requests).toHaveLength(1);
  });

  test('errors limited by times are retried by claude until the next turn succeeds', async () => {
    mock = await withMockClaude(
      {
        rules: [
          { match: 'flaky', turns: [{ error: { status: 529 }, times: 2 }, { text: 'Recovered.' }] },
        ],
      },
      { maxRetries: 2 },
    );
    const run = await runClaude(mock, 'a flaky call');
    expect(run.exitCode).toBe(0);
    expect(run.result).toMatchObject({
      is_error: false,
      api_error_status: null,
      result: 'Recovered.',
    });
    expect(retries(run.events).map((event) => event['error_status'])).toEqual([529, 529]);
    expect(mock.model.requests.map((r) => [r.turn, r.turnIndex, r.status])).toEqual([
      [0, 0, 529],
      [0, 0, 529],
      [0, 1, 200],
    ]);
  });
});
