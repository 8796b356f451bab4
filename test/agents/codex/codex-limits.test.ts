/**
 * Codex into the mock account's limit, the real binary: its retries of a 429
 * are agent retries (not the run's failure), and a ChatGPT plan's usage limit
 * pauses the session's admission until the time codex names.
 */
import { afterEach, expect, test } from 'vitest';
import { codexDriver } from '../../../src/agents/codex/codex-driver.js';
import type { EventOf, OrchestrateEvent } from '../../../src/events/types.js';
import type { MockScriptInput } from '../../../src/mock-model/index.js';
import type { MockAgentsEnvOptions } from '../../../src/mock-model/agents-env.js';
import { runInSession, startMockAgents, type MockAgents } from '../../helpers/mock-agents.js';

let mock: MockAgents | null = null;
afterEach(async () => {
  await mock?.close();
  mock = null;
});

async function start(script: MockScriptInput, options: MockAgentsEnvOptions = {}) {
  mock = await startMockAgents(script, options);
  return mock;
}

const ofKind = <K extends OrchestrateEvent['kind']>(events: OrchestrateEvent[], kind: K) =>
  events.filter((e): e is EventOf<K> => e.kind === kind);

test('codex retrying a 429 is an agent retry, and the run it then completes succeeds', async () => {
  const agents = await start(
    {
      rules: [
        { turns: [{ error: { status: 429, retryAfter: 1 }, times: 1 }, { text: 'fine now' }] },
      ],
    },
    { codexRetries: 2 },
  );
  const driver = codexDriver();
  const { result, events } = await agents.run(driver, 'try until it works');
  expect(result).toMatchObject({ status: 'succeeded', output: 'fine now' });
  const retries = events.map((e) => driver.agentRetry!(e)).filter((r) => r !== null);
  expect(retries[0]).toMatchObject({ agentAttempt: 1, maxRetries: 2, errorStatus: 429 });
  expect(retries[0]!.error).toBe('rate_limit');
  expect(events.map((e) => driver.rateLimitOf!(e))).toContainEqual(
    expect.objectContaining({ kind: 'retry', error: 'rate_limit', status: 429 }),
  );
});

test("a ChatGPT plan's usage limit pauses the session until the time codex names", async () => {
  const agents = await start({
    account: { requests: 1, windowMs: 120_000, login: 'subscription' },
    default: { text: 'done' },
  });
  const { results, events } = await runInSession(agents, 'codex', ['one', 'two'], {
    maxWaitMs: 1000,
    jitterMs: 0,
    slowStart: false,
  });

  expect(agents.model.account).toMatchObject({ admitted: 1, rejected: 1 });
  expect(results[0]).toMatchObject({ status: 'succeeded' });
  const pause = ofKind(events, 'limit').find((e) => e.action === 'pause');
  expect(pause?.message).toMatch(/^paused until \d\d:\d\d \(codex usage limit\)$/);
  // codex names the minute: the pause lasts to its end, never shorter than the account's window.
  expect(Date.parse(pause!.until!)).toBeGreaterThan(Date.parse(pause!.at) + 60_000);
  expect(results[1]).toMatchObject({ status: 'failed', apiErrorStatus: 429 });
  expect(results[1]!.message).toMatch(
    /^failed: rate limited \(codex usage limit, resets \d\d:\d\d\); running again at \d\d:\d\d would pass --max-wait 1(\.0)? s$/,
  );
});
