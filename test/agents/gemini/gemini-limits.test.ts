/**
 * Gemini into the mock account's limit, the real binary: the account refuses
 * its call as Google does (429 RESOURCE_EXHAUSTED with a retry delay), and
 * the session's admission pauses until that delay has passed.
 */
import { afterEach, expect, test } from 'vitest';
import type { EventOf, OrchestrateEvent } from '../../../src/events/types.js';
import { runInSession, startMockAgents, type MockAgents } from '../../helpers/mock-agents.js';

let mock: MockAgents | null = null;
afterEach(async () => {
  await mock?.close();
  mock = null;
});

const ofKind = <K extends OrchestrateEvent['kind']>(events: OrchestrateEvent[], kind: K) =>
  events.filter((e): e is EventOf<K> => e.kind === kind);

test("gemini's quota refusal pauses the session for the delay the API suggests", async () => {
  mock = await startMockAgents({
    account: { requests: 1, windowMs: 90_000 },
    default: { text: 'done' },
  });
  const { results, events } = await runInSession(mock, 'gemini', ['one', 'two'], {
    maxWaitMs: 1000,
    jitterMs: 0,
    slowStart: false,
  });

  expect(results[0]).toMatchObject({ status: 'succeeded' });
  expect(mock.model.account!.rejected).toBeGreaterThanOrEqual(1);
  const pause = ofKind(events, 'limit').find((e) => e.action === 'pause');
  expect(pause?.message).toMatch(/^paused until \d\d:\d\d \(gemini quota limit\)$/);
  // The API's retry delay runs to the end of the account's 90 s window, which opened with the
  // first call it let through. The pause ends early by the time a try takes to reach the API
  // (window pacing, docs/limits.md): at most the refused try's time from its admission (after
  // the first try ended) to the pause. Under load gemini takes 30 s to start, so a fixed
  // figure (the pause lasting > 60 s) does not hold.
  const opened = mock.model.requests.find((r) => r.answer === 'text')!.receivedAt.getTime();
  const firstEnd = Date.parse(ofKind(events, 'process-end')[0]!.at);
  const lead = Date.parse(pause!.at) - firstEnd;
  expect(Date.parse(pause!.until!)).toBeGreaterThanOrEqual(opened + 90_000 - lead - 1_000);
  expect(results[1]).toMatchObject({ status: 'failed', apiErrorStatus: 429 });
  expect(results[1]!.message).toMatch(/^failed: rate limited \(gemini quota limit, resets /);
});
