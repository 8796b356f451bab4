/**
 * Admission and budgets with the real `claude` driven into the mock account's
 * limit: a rejected limit pauses the session and its runs are run again (not
 * failures, not spent tries); a spent budget skips the rest.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { EventOf, OrchestrateEvent } from '../../src/events/types.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { MockModelEnvOptions, MockScriptInput } from '../../src/mock-model/index.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import type { OrchestratorSessionOptions } from '../../src/session/options.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { runSequential } from '../../src/strategies/run-sequential.js';
import { withMockClaude, type MockClaude } from '../helpers/mock-claude.js';
import { eventsFile } from './support.js';

let mock: MockClaude | null = null;
afterEach(async () => {
  await mock?.cleanup();
  mock = null;
});

async function limitedSession(
  script: MockScriptInput,
  env: MockModelEnvOptions,
  limits: Pick<OrchestratorSessionOptions, 'admission' | 'budget'>,
) {
  mock = await withMockClaude(script, env);
  const session = new OrchestratorSession({
    patternName: 'limits',
    workingDir: mock.cwd,
    logger: silentLogger,
    ...limits,
    processDefaults: { command: mock.claudeBin, env: mock.env, streamOutput: false },
  });
  const events: OrchestrateEvent[] = [];
  session.on('event', (event) => events.push(event));
  return { session, events, model: mock.model };
}

const ofKind = <K extends OrchestrateEvent['kind']>(events: OrchestrateEvent[], kind: K) =>
  events.filter((e): e is EventOf<K> => e.kind === kind);

describe('admission against the mock account', () => {
  test('a rejected limit pauses new starts until the reset; its runs run again and every task succeeds', async () => {
    const { session, events, model } = await limitedSession(
      // A window longer than claude's start-up on a loaded machine: admission starts the next
      // window's tries that much before its reset, so a shorter one may need no pause at all.
      { account: { requests: 3, windowMs: 15_000, warnAt: 1 } },
      { auth: 'subscription' },
      // A burst at once (no slow start): the first window meets more tries than it has room for.
      { admission: { jitterMs: 200, slowStart: false } },
    );
    const processes = [1, 2, 3, 4, 5, 6].map((n) => session.createProcess(`task ${n}`));
    const results = await runParallel(processes, { maxWorkers: 6, gate: session.gate });
    const summary = await session.close();

    expect(results.map((r) => r.status)).toEqual(Array(6).fill('succeeded'));
    expect(results.map((r) => r.tries)).toEqual(Array(6).fill(1));
    expect(model.account!.rejected).toBeGreaterThanOrEqual(1);
    const pause = ofKind(events, 'limit').find((e) => e.action === 'pause');
    expect(pause?.message).toMatch(/^paused until \d\d:\d\d \(five_hour limit\)$/);
    expect(pause?.limitType).toBe('five_hour');
    const reruns = ofKind(events, 'retry');
    expect(reruns.length).toBeGreaterThanOrEqual(1);
    expect(reruns.every((r) => r.rateLimited === true)).toBe(true);
    expect(reruns[0]!.reason).toMatch(
      /^rate limited \(five_hour limit, resets \d\d:\d\d\): not a spent try$/,
    );
    // No run started while the account was paused.
    const until = Date.parse(pause!.until!);
    const starts = ofKind(events, 'process-start').map((e) => Date.parse(e.at));
    const pausedAt = Date.parse(pause!.at);
    expect(starts.filter((at) => at > pausedAt && at < until - 1000)).toEqual([]);
    expect(summary).toMatchObject({ status: 'succeeded' });
    expect(summary.totals).toMatchObject({ succeeded: 6, retries: 0 });
    expect(summary.totals.rateLimitedRuns).toBe(reruns.length);
  });

  test('429s without a reset time cut the concurrency and back off until every task is through', async () => {
    const { session, events, model } = await limitedSession(
      { account: { requests: 2, windowMs: 2000 } },
      { maxRetries: 0 },
      { admission: { cooldownMs: 0, backoffMs: 500, slowStart: false } },
    );
    const processes = [1, 2, 3, 4].map((n) => session.createProcess(`task ${n}`));
    const results = await runParallel(processes, { gate: session.gate });
    await session.close();

    expect(results.map((r) => r.status)).toEqual(Array(4).fill('succeeded'));
    expect(model.account!.rejected).toBeGreaterThanOrEqual(1);
    const cuts = ofKind(events, 'limit').filter((e) => e.action === 'concurrency');
    expect(cuts[0]?.message).toMatch(/^concurrency \d: rate limited \(429\) without a reset time$/);
    expect(ofKind(events, 'retry').every((r) => r.rateLimited)).toBe(true);
  });

  test('a task the full window would hold past maxWaitMs fails without starting, naming the limit and its reset', async () => {
    const { session, events, model } = await limitedSession(
      { account: { requests: 1, windowMs: 60_000 } },
      { auth: 'subscription' },
      { admission: { maxWaitMs: 1000 } },
    );
    const processes = ['first', 'second'].map((p) => session.createProcess(p));
    const results = await runSequential(processes, { gate: session.gate });
    await session.close();

    expect(results.map((r) => r.status)).toEqual(['succeeded', 'failed']);
    // The first call said the window (one call) is used up until its reset: the second waits
    // for it, and that wait counts toward --max-wait, so it fails without a refused call.
    expect(results[1]!.message).toMatch(
      /^failed: rate limited \(five_hour limit, resets \d\d:\d\d\); starting at \d\d:\d\d would pass --max-wait 1 s$/,
    );
    expect(model.account!.rejected).toBe(0);
    expect(ofKind(events, 'process-start').map((e) => e.processId)).toEqual(['process-001']);
  });
});

describe('budgets with the real claude', () => {
  test('once spent reaches the budget, the tasks not started are skipped, naming it', async () => {
    const { session, events } = await limitedSession({}, {}, { budget: { maxCostUsd: 0.06 } });
    const processes = ['one', 'two', 'three'].map((p) => session.createProcess(p));
    const results = await runSequential(processes, { gate: session.gate });
    const summary = await session.close();

    expect(results.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'skipped']);
    expect(results[2]!.message).toMatch(
      /^skipped: the session budget of \$0\.0600 is spent \(\$0\.\d{4} spent or running; --max-cost\)$/,
    );
    const spent = results[0]!.costUsd! + results[1]!.costUsd!;
    expect(summary.budget).toEqual({
      maxCostUsd: 0.06,
      maxCostPerProcessUsd: null,
      spentUsd: spent,
      reached: true,
    });
    expect(summary.totals).toMatchObject({ skipped: 1, costUsd: spent });
    expect(summary.status).toBe('failed');
    // The budget is recorded in the constructor, before a listener can subscribe.
    expect(ofKind(eventsFile(session.sessionDir), 'limit').map((e) => e.action)).toEqual([
      'budget',
      'budget-reached',
    ]);
    expect(ofKind(events, 'limit').map((e) => e.action)).toEqual(['budget-reached']);
    expect(session.summarize()).toContain('Budget: $');
  });

  test('a per-process budget is passed to claude, which stops itself', async () => {
    const { session, events } = await limitedSession(
      {},
      {},
      { budget: { maxCostPerProcessUsd: 0.01 } },
    );
    const [result] = await runParallel([session.createProcess('spend')], { gate: session.gate });
    await session.close();

    const start = ofKind(events, 'process-start')[0]!;
    expect(start.args.join(' ')).toContain('--max-budget-usd 0.01');
    expect(result!.status).toBe('failed');
    expect(result!.message).toMatch(
      /the agent reported an error \(error_max_budget_usd\): Reached maximum budget \(\$0\.01\)/,
    );
  });
});
