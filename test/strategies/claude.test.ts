/**
 * The strategies with the real `claude` binary, offline against the mock
 * model: output passing, retries of a 529, and fallback from a hung agent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrchestrateEvent } from '../../src/events/types.js';
import { silentLogger } from '../../src/logging/logger.js';
import type { MockScriptInput } from '../../src/mock-model/index.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { runSequential } from '../../src/strategies/run-sequential.js';
import { runWithFallback } from '../../src/strategies/run-with-fallback.js';
import { pidAlive, repoRoot } from '../helpers/fixtures.js';
import { withMockClaude, type MockClaude } from '../helpers/mock-claude.js';

function installedClaudeVersion(): string {
  const manifest = join(repoRoot, 'node_modules/@anthropic-ai/claude-code/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

let mock: MockClaude | null = null;
afterEach(async () => {
  await mock?.cleanup();
  mock = null;
});

/** A session whose processes run the real claude against a mock model answering with `script`. */
async function mockedSession(
  script: MockScriptInput,
): Promise<{ session: OrchestratorSession; events: OrchestrateEvent[]; mock: MockClaude }> {
  mock = await withMockClaude(script, { maxRetries: 0 });
  const session = new OrchestratorSession({
    patternName: 'claude-test',
    workingDir: mock.cwd,
    logger: silentLogger,
    processDefaults: {
      command: mock.claudeBin,
      env: mock.env,
      streamOutput: false,
      killGraceMs: 500,
    },
  });
  const events: OrchestrateEvent[] = [];
  session.on('event', (event) => events.push(event));
  return { session, events, mock };
}

describe('strategies with the real claude', () => {
  it('sequential output passing reaches the third agent', async () => {
    const { session } = await mockedSession({});
    const processes = ['Plan the change', 'Write the code', 'Review the work'].map((p) =>
      session.createProcess(p),
    );
    const results = await runSequential(processes, { passOutput: true });
    await session.close();
    expect(results.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(results[0]!.output).toBe('Mock reply: Plan the change');
    const third = mock!.model.requests.filter((r) => r.prompt?.includes('Review the work'));
    expect(third).toHaveLength(1);
    expect(third[0]!.prompt).toContain(
      '--- Previous output ---\nMock reply: Plan the change\n\nMock reply: --- Previous output ---',
    );
    expect(third[0]!.prompt).toContain('--- New task ---\nReview the work');
    expect(results[2]!.output).toContain('Mock reply: Plan the change');
    // The session records the version of the claude that ran, as its package states it.
    const metadata = JSON.parse(readFileSync(join(session.sessionDir, 'metadata.json'), 'utf8'));
    expect(metadata.agentVersion).toBe(installedClaudeVersion());
  });

  it('a 529 is retried `attempts` times and then reported failed, each retry recorded', async () => {
    const { session, events } = await mockedSession({
      rules: [{ match: 'busy', turns: [{ error: { status: 529 } }] }],
    });
    const process = session.createProcess('A busy day', 'busy');
    const [result] = await runParallel([process], {
      retry: { attempts: 3, minDelayMs: 10, maxDelayMs: 20 },
    });
    const summary = await session.close();
    expect(result!.status).toBe('failed');
    expect(result!.apiErrorStatus).toBe(529);
    expect(result!.tries).toBe(3);
    expect(mock!.model.requests.filter((r) => r.status === 529)).toHaveLength(3);
    const retries = events.filter((e) => e.kind === 'retry');
    expect(
      retries.map((e) => e.kind === 'retry' && [e.attempt, e.reason, e.previousApiErrorStatus]),
    ).toEqual([
      [2, 'API error 529 (overloaded)', 529],
      [3, 'API error 529 (overloaded)', 529],
    ]);
    expect(summary.processes[0]).toMatchObject({
      processId: 'busy',
      status: 'failed',
      tries: 3,
      apiErrorStatus: 529,
    });
    expect(summary.status).toBe('failed');
  });

  it('falls back from a hung agent to a good one, the hung tree gone before the next starts', async () => {
    const { session } = await mockedSession({
      rules: [{ match: 'stuck', turns: [{ hang: true }] }],
    });
    // Only the hung one has a timeout: on a loaded machine claude's start alone can take seconds.
    const hung = session.createProcess('You will get stuck', 'hung', { timeoutMs: 4000 });
    const good = session.createProcess('You will answer', 'good');
    let hungPid = 0;
    let hungAliveWhenGoodStarted: boolean | null = null;
    hung.on('start', (info) => (hungPid = info.pid));
    good.on('start', () => (hungAliveWhenGoodStarted = pidAlive(hungPid)));
    const result = await runWithFallback([hung, good]);
    const summary = await session.close();
    expect(result.attempts.map((a) => [a.processId, a.status])).toEqual([
      ['hung', 'timed_out'],
      ['good', 'succeeded'],
    ]);
    expect(result.attempts[0]!.exitCode).toBe(-1);
    expect(result.processId).toBe('good');
    expect(result.output).toBe('Mock reply: You will answer');
    expect(hungPid).toBeGreaterThan(0);
    expect(hungAliveWhenGoodStarted).toBe(false);
    expect(summary.processes.map((p) => p.status)).toEqual(['timed_out', 'succeeded']);
  });
});
