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
  // The account's window has about 90 s left: the API says so, and the pause lasts that long.
  expect(Date.parse(pause!.until!) - Date.parse(pause!.at)).toBeGreaterThan(60_000);
  expect(results[1]).toMatchObject({ status: 'failed', apiErrorStatus: 429 });
  expect(results[1]!.message).toMatch(/^failed: rate limited \(gemini quota limit, resets /);
});
