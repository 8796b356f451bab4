/**
 * The slow start with the real `claude` against the mock account: one try
 * starts first and the rest wait for the account's first word, a limit report
 * (a subscription) or claude's notice that none will come (an API key). The
 * first task hangs on the model and the bound is ten minutes, so only that
 * word can let the others through.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import type { MockModelEnvOptions, MockScriptInput } from '../../src/mock-model/index.js';
import type { AgentProcess } from '../../src/process/agent-process.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { withMockClaude, type MockClaude } from '../helpers/mock-claude.js';

let mock: MockClaude | null = null;
afterEach(async () => {
  await mock?.cleanup();
  mock = null;
});

/**
 * Runs "hold on" and two tasks at -j 3; once the two have ended, cancels the
 * first. Returns the results, the order in which the tasks started, and when
 * the first task's agent printed `firstWord` (by the clock of this process).
 */
async function runHeld(script: MockScriptInput, env: MockModelEnvOptions, firstWord: string) {
  mock = await withMockClaude(script, env);
  const session = new OrchestratorSession({
    patternName: 'slow-start',
    workingDir: mock.cwd,
    logger: silentLogger,
    admission: { slowStartMs: 600_000 },
    processDefaults: { command: mock.claudeBin, env: mock.env, streamOutput: false },
  });
  const processes = ['hold on', 'task 2', 'task 3'].map((p) => session.createProcess(p));
  const starts: { id: string; at: number }[] = [];
  let wordAt = Infinity;
  processes.forEach((process, i) => {
    process.on('start', () => starts.push({ id: process.processId, at: Date.now() }));
    if (i === 0)
      process.on('agent-event', (event: Record<string, unknown>) => {
        if (wordAt === Infinity && matches(event, firstWord)) wordAt = Date.now();
      });
  });
  let ended = 0;
  for (const process of processes.slice(1))
    process.on('end', () => {
      if (++ended === 2) processes[0]!.cancel('the test is done with it');
    });
  const results = await runParallel(processes, { maxWorkers: 3, gate: session.gate });
  await session.close();
  const ids = processes.map((p: AgentProcess) => p.processId);
  // Results come in the order the tasks ended: put them in the tasks' order.
  const statuses = ids.map((id) => results.find((r) => r.processId === id)?.status);
  return { statuses, starts, wordAt, ids };
}

/** `type` or `type/subtype` of a stream event. */
const matches = (event: Record<string, unknown>, word: string) =>
  [event.type, `${String(event.type)}/${String(event.subtype)}`].includes(word);

describe('the slow start against the mock account', () => {
  test("a subscription: the other tasks start once the first try's call reports the window", async () => {
    const { statuses, starts, wordAt, ids } = await runHeld(
      {
        account: { requests: 100, windowMs: 60_000 },
        // One call answered (and reported), then claude's second call hangs.
        rules: [
          {
            match: 'hold',
            turns: [
              { toolUse: { name: 'Write', input: { file_path: 'out.txt', content: 'x' } } },
              { hang: true },
            ],
          },
        ],
        default: { text: 'done' },
      },
      { auth: 'subscription' },
      'rate_limit_event',
    );

    expect(statuses).toEqual(['cancelled', 'succeeded', 'succeeded']);
    expect(starts.map((s) => s.id)).toEqual([ids[0], expect.any(String), expect.any(String)]);
    expect(Number.isFinite(wordAt)).toBe(true);
    for (const later of starts.slice(1)) expect(later.at).toBeGreaterThanOrEqual(wordAt);
  });

  test('an API key: the other tasks start once claude says it uses a key, before any reply', async () => {
    const { statuses, starts, wordAt, ids } = await runHeld(
      { rules: [{ match: 'hold', turns: [{ hang: true }] }], default: { text: 'done' } },
      {},
      'system/init',
    );

    expect(statuses).toEqual(['cancelled', 'succeeded', 'succeeded']);
    expect(starts.map((s) => s.id)).toEqual([ids[0], expect.any(String), expect.any(String)]);
    expect(Number.isFinite(wordAt)).toBe(true);
    for (const later of starts.slice(1)) expect(later.at).toBeGreaterThanOrEqual(wordAt);
  });
});
