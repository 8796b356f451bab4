/**
 * OrchestratorSession.resume with the real claude against the mock model: a
 * failed task runs again in the same folder as its next attempt, continues its
 * conversation (`--resume <id>`), and the cumulative cost claude reports for
 * a resumed conversation is counted once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { readSessionTasks } from '../../src/session/read-session.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import type { TaskSpec } from '../../src/tasks/task-spec.js';
import { withMockClaude, type MockClaude } from '../helpers/mock-claude.js';
import { eventsFile } from './support.js';

let mock: MockClaude | null = null;
afterEach(async () => {
  await mock?.cleanup();
  mock = null;
});

test('a failed claude task continues its conversation as its next attempt, its cost counted once', async () => {
  mock = await withMockClaude(
    {
      rules: [
        {
          match: 'write it',
          turns: [
            { toolUse: { name: 'Write', input: { file_path: 'a.txt', content: 'a' } } },
            { error: { status: 500 }, times: 1 },
            { text: 'Finished: {{turn}}' },
          ],
        },
      ],
    },
    { maxRetries: 0 },
  );
  const processDefaults = { env: mock.env, streamOutput: false };
  const spec: TaskSpec = {
    id: 'writer',
    agent: 'claude',
    prompt: 'write it',
    command: mock.claudeBin,
    args: ['--allowedTools', 'Write'],
  };
  const first = new OrchestratorSession({
    patternName: 'resume',
    workingDir: mock.cwd,
    logger: silentLogger,
    processDefaults,
  });
  const [failed] = await runParallel([spec], { executor: first.executor });
  await first.close();
  expect(failed).toMatchObject({ status: 'failed', apiErrorStatus: 500 });
  expect(failed!.costUsd).toBeGreaterThan(0);

  const { session, plan } = OrchestratorSession.resume(first.sessionDir, {
    logger: silentLogger,
    processDefaults,
  });
  expect(session.sessionId).toBe(first.sessionId);
  expect(plan.kept).toEqual([]);
  expect(plan.tasks).toEqual([
    expect.objectContaining({
      spec: expect.objectContaining({ id: 'writer', prompt: 'write it' }),
      previousStatus: 'failed',
      attempt: 2,
      agentSessionId: failed!.sessionId,
      costBaseUsd: failed!.costUsd,
    }),
  ]);
  const [result] = await runParallel(
    plan.tasks.map((task) => task.spec),
    { executor: session.executor },
  );
  const summary = await session.close();

  expect(result).toMatchObject({ status: 'succeeded', sessionId: failed!.sessionId });
  expect(result!.output).toMatch(/^Finished: \d$/);
  // claude reports the conversation's cost so far; this try is charged what it added.
  expect(result!.costUsd).toBeGreaterThan(0);
  expect(result!.costUsd!).toBeLessThan(failed!.costUsd! * 1.5);
  expect(summary.totals.costUsd).toBeCloseTo(failed!.costUsd! + result!.costUsd!, 6);
  expect(summary.processes).toEqual([
    expect.objectContaining({ processId: 'writer', status: 'succeeded', tries: 2 }),
  ]);
  const events = eventsFile(first.sessionDir);
  expect(events.filter((e) => e.kind === 'session-start')).toHaveLength(1);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  const starts = events.filter((e) => e.kind === 'process-start');
  expect(starts.map((e) => e.kind === 'process-start' && e.attempt)).toEqual([1, 2]);
  expect(starts[1]).toMatchObject({
    args: expect.arrayContaining(['--resume', failed!.sessionId]),
  });
  // The task is recorded once; each try keeps its own log.
  expect(await readSessionTasks(first.sessionDir)).toHaveLength(1);
  const logs = join(first.sessionDir, 'processes');
  expect(readFileSync(join(logs, 'writer.log'), 'utf8')).toContain('500');
  expect(readFileSync(join(logs, 'writer.attempt-2.log'), 'utf8')).toContain('Finished');
});

test('a session that succeeded in full resumes nothing and keeps every task', async () => {
  mock = await withMockClaude({ default: { text: 'ok' } });
  const session = new OrchestratorSession({
    patternName: 'resume',
    workingDir: mock.cwd,
    logger: silentLogger,
    processDefaults: { env: mock.env, streamOutput: false },
  });
  const specs = ['a', 'b'].map((prompt) => ({
    id: `t-${prompt}`,
    agent: 'claude',
    prompt,
    command: mock!.claudeBin,
  }));
  await runParallel(specs, { executor: session.executor });
  await session.close();
  const { session: again, plan } = OrchestratorSession.resume(session.sessionDir, {
    logger: silentLogger,
  });
  expect(plan.tasks).toEqual([]);
  expect(plan.kept).toEqual(['t-a', 't-b']);
  const summary = await again.close();
  expect(summary).toMatchObject({ status: 'succeeded', totals: { succeeded: 2 } });
});
