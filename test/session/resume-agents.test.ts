/**
 * OrchestratorSession.resume with the real codex and gemini against the mock
 * model: a task that failed after a tool call continues its conversation as
 * its next attempt (`codex exec … resume <thread_id>`, `gemini --resume <id>`),
 * and the model's first request of the resumed try holds the earlier turn.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CODEX_MOCK_MODEL } from '../../src/mock-model/codex-env.js';
import { GEMINI_MOCK_MODEL } from '../../src/mock-model/gemini-env.js';
import { silentLogger } from '../../src/logging/logger.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import type { TaskSpec } from '../../src/tasks/task-spec.js';
import { tempDir } from '../helpers/fixtures.js';
import { installedBin, startMockAgents, type MockAgents } from '../helpers/mock-agents.js';
import { eventsFile } from './support.js';

let mock: MockAgents;
const PRICES = {
  [CODEX_MOCK_MODEL]: { input: 2, output: 10 },
  [GEMINI_MOCK_MODEL]: { input: 2, output: 10 },
};
const dir = tempDir('orchestrate-resume-agents-');

/** A tool call, then a server error (once), then the answer. */
const writeThenFail = (
  match: string,
  toolUse: { name: string; input: Record<string, unknown> },
) => ({
  match,
  turns: [
    { text: 'Writing it.', toolUse },
    { error: { status: 500 }, times: 1 },
    { text: 'Finished after turn {{turn}}' },
  ],
});

beforeAll(async () => {
  mock = await startMockAgents({
    rules: [
      writeThenFail('codex writes it', {
        name: 'apply_patch',
        input: { input: '*** Begin Patch\n*** Add File: a.txt\n+a\n*** End Patch\n' },
      }),
      writeThenFail('gemini writes it', {
        name: 'write_file',
        input: { file_path: 'a.txt', content: 'a\n' },
      }),
    ],
  });
});

afterAll(async () => {
  await mock.close();
  dir.cleanup();
});

describe.each([
  ['codex', ['resume']],
  ['gemini', ['--resume']],
] as const)('a failed %s task resumed', (agent, flag) => {
  test('continues its conversation as its next attempt: the model sees the earlier turn', async () => {
    const spec: TaskSpec = {
      id: 'writer',
      agent,
      prompt: `${agent} writes it`,
      command: installedBin(agent),
      model: agent === 'codex' ? CODEX_MOCK_MODEL : GEMINI_MOCK_MODEL,
    };
    const processDefaults = { env: mock.env, streamOutput: false };
    const first = new OrchestratorSession({
      patternName: 'resume',
      workingDir: dir.path,
      logger: silentLogger,
      processDefaults,
      prices: PRICES,
    });
    const [failed] = await runParallel([spec], { executor: first.executor });
    await first.close();
    expect(failed).toMatchObject({ status: 'failed', apiErrorStatus: 500 });
    expect(failed!.sessionId).toMatch(/^[0-9a-f-]{36}$/);

    const { session, plan } = OrchestratorSession.resume(first.sessionDir, {
      logger: silentLogger,
      processDefaults,
      prices: PRICES,
    });
    expect(plan.tasks).toEqual([
      expect.objectContaining({ attempt: 2, agentSessionId: failed!.sessionId }),
    ]);
    const seen = mock.model.requests.length;
    const [result] = await runParallel(
      plan.tasks.map((task) => task.spec),
      { executor: session.executor },
    );
    const summary = await session.close();

    expect(result).toMatchObject({ status: 'succeeded', sessionId: failed!.sessionId });
    // Charged what it added: codex's thread usage counts the failed try's calls, which
    // reported none (so nothing is taken off); gemini reports each run's own calls.
    const { inputTokens, outputTokens } = result!.usage!;
    expect(result!.costUsd).toBeCloseTo((inputTokens * 2 + outputTokens * 10) / 1e6, 9);
    expect(summary.totals.costUsd).toBeCloseTo((failed!.costUsd ?? 0) + result!.costUsd!, 9);
    // The resumed try's first call carries the earlier conversation: its prompt and the tool call.
    const calls = mock.model.requests.slice(seen).filter((r) => r.prompt !== null);
    expect(calls[0]).toMatchObject({ prompt: spec.prompt });
    expect(calls[0]!.turn).toBeGreaterThanOrEqual(1);
    expect(result!.output).toMatch(/^Finished after turn [1-9]/);
    expect(readFileSync(join(first.sessionDir, 'session.log'), 'utf8')).toContain(
      `1 task(s) run again (writer); 0 kept; continuing the conversations of writer (${agent})`,
    );
    const starts = eventsFile(first.sessionDir).filter((e) => e.kind === 'process-start');
    expect(starts.map((e) => e.kind === 'process-start' && e.attempt)).toEqual([1, 2]);
    expect(starts[1]).toMatchObject({ args: expect.arrayContaining([...flag, failed!.sessionId]) });
  });
});
