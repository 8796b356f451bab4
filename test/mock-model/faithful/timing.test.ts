/**
 * The mock model is faithful: the real claude, driven directly (not through
 * orchestrate), reacts to it as to the API. These tests check the mock; every
 * other test reaches claude through orchestrate.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, test } from 'vitest';
import { runClaude, withMockClaude, type MockClaude } from '../../helpers/mock-claude.js';

let mock: MockClaude | undefined;
afterEach(async () => {
  await mock?.cleanup();
  mock = undefined;
});

describe('timing of the mock model', () => {
  test('a delayed reply delays the result by at least the delay', async () => {
    mock = await withMockClaude({
      rules: [{ match: '/slow/i', turns: [{ text: 'late answer', delayMs: 3000 }] }],
    });
    const run = await runClaude(mock, 'be Slow');
    expect(run.result).toMatchObject({ is_error: false, result: 'late answer' });
    expect(run.durationMs).toBeGreaterThanOrEqual(3000);
    expect(run.result?.['duration_api_ms']).toBeGreaterThanOrEqual(3000);
  });

  test('chunkDelayMs paces the streamed events', async () => {
    // "abcdefgh" in 2-character chunks: 4 deltas, 10 events after message_start, 300 ms apart.
    mock = await withMockClaude({ default: { text: 'abcdefgh', chunkSize: 2, chunkDelayMs: 300 } });
    const run = await runClaude(mock, 'stream slowly');
    expect(run.result?.['result']).toBe('abcdefgh');
    expect(run.result?.['duration_api_ms']).toBeGreaterThanOrEqual(2700);
  });

  test('a hanging reply keeps claude waiting until it is killed, and the server still closes', async () => {
    mock = await withMockClaude({ default: { hang: true } });
    const model = mock.model;
    const kill = new AbortController();
    let settled = false;
    const pending = runClaude(mock, 'never answered', [], { signal: kill.signal }).finally(() => {
      settled = true;
    });
    while (model.requests.length === 0) await sleep(20);
    await sleep(2000);
    expect(settled).toBe(false);
    kill.abort();
    const run = await pending;
    expect(run.aborted).toBe(true);
    expect(run.result).toBeUndefined();
    expect(model.requests.map((r) => [r.answer, r.status])).toEqual([['hang', null]]);
    // A hang never ends by itself: a close that waited for it would not return at all.
    const started = Date.now();
    await model.close();
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('closing the server under a hanging reply ends claude with a connection error', async () => {
    mock = await withMockClaude({ default: { hang: true } });
    // claude retries the lost connection (with backoff) before it gives up: on a
    // loaded machine that takes seconds, so the safety limit is generous.
    const pending = runClaude(mock, 'hang then close', [], { timeoutMs: 40_000 });
    while (mock.model.requests.length === 0) await sleep(20);
    const started = Date.now();
    await mock.model.close();
    expect(Date.now() - started).toBeLessThan(10_000);
    const run = await pending;
    expect(run.timedOut).toBe(false);
    expect(run.exitCode).toBe(1);
    expect(run.result).toMatchObject({ is_error: true, api_error_status: null });
  });
});
