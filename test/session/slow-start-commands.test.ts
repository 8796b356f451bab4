/**
 * The slow start and tries that draw on no account: a plain `command` reads
 * no rate limits, so admission starts it at once, and it is neither the slow
 * start's probe nor, by its end, what opens it. The meet-peers fixture gives
 * up unless all its peers start while it waits, and the slow start's bound is
 * ten minutes, so a held command fails the run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import type { TaskEvent } from '../../src/tasks/executor.js';
import type { TaskSpec } from '../../src/tasks/task-spec.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { withMockClaude, type MockClaude } from '../helpers/mock-claude.js';

let mock: MockClaude | null = null;
let dir: ReturnType<typeof tempDir> | null = null;
afterEach(async () => {
  await mock?.cleanup();
  mock = null;
  dir?.cleanup();
  dir = null;
});

/** A meet-peers task: it succeeds only if `peers` tasks start while it waits (30 s at most). */
function peer(id: string, record: string, peers: number): TaskSpec {
  return {
    id,
    agent: 'command',
    command: fixture('meet-peers'),
    prompt: id,
    env: { RECORD_FILE: record, PEERS: String(peers) },
  };
}

/** When each label's start was recorded by meet-peers (ms since the epoch). */
function recordedStarts(record: string): Map<string, number> {
  const starts = new Map<string, number>();
  for (const line of readFileSync(record, 'utf8').split('\n')) {
    const [word, label, ns] = line.split(' ');
    if (word === 'start' && label && ns) starts.set(label, Number(BigInt(ns) / 1_000_000n));
  }
  return starts;
}

describe('the slow start and plain commands', () => {
  test('a session with admission starts its command specs together: a command draws on no account', async () => {
    dir = tempDir('slow-start-commands-');
    const record = join(dir.path, 'record.txt');
    writeFileSync(record, '');
    const session = new OrchestratorSession({
      patternName: 'commands',
      workingDir: dir.path,
      logger: silentLogger,
      admission: { slowStartMs: 600_000 },
      processDefaults: { streamOutput: false },
    });
    const specs = ['a', 'b', 'c'].map((id) => peer(id, record, 3));
    const results = await runParallel(specs, {
      executor: session.executor,
      gate: session.gate,
      maxWorkers: 3,
    });
    await session.close();

    const byId = new Map(results.map((r) => [r.processId, r]));
    expect(specs.map((s) => byId.get(s.id)?.status)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
    expect([...recordedStarts(record).keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  test('a mixed run still probes with its first claude try; the commands before it neither wait nor open it', async () => {
    mock = await withMockClaude(
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
    );
    const record = join(mock.cwd, 'record.txt');
    writeFileSync(record, '');
    const session = new OrchestratorSession({
      patternName: 'mixed',
      workingDir: mock.cwd,
      logger: silentLogger,
      admission: { slowStartMs: 600_000 },
      processDefaults: { env: mock.env, streamOutput: false },
    });
    const claude = (id: string, prompt: string): TaskSpec => ({
      id,
      agent: 'claude',
      command: mock!.claudeBin,
      prompt,
    });
    // The two commands come first and end first: were either the probe, or its
    // end what opened the slow start, the second claude would not wait.
    const specs = [
      peer('c1', record, 2),
      peer('c2', record, 2),
      claude('first', 'hold on'),
      claude('second', 'task 2'),
    ];
    const starts = new Map<string, number>();
    let reportAt = Infinity;
    const stop = new AbortController();
    let ended = 0;
    const onEvent = (event: TaskEvent) => {
      if (event.kind === 'start') starts.set(event.taskId, Date.now());
      if (
        event.kind === 'agent-event' &&
        event.taskId === 'first' &&
        event.event.type === 'rate_limit_event'
      )
        reportAt = Math.min(reportAt, Date.now());
      // Once the others have ended, the first (hanging on the model) is cancelled.
      if (event.kind === 'end' && event.taskId !== 'first' && ++ended === 3)
        stop.abort(new Error('the test is done with it'));
    };
    const results = await runParallel(specs, {
      executor: session.executor,
      gate: session.gate,
      maxWorkers: 4,
      signal: stop.signal,
      onEvent,
    });
    await session.close();

    const byId = new Map(results.map((r) => [r.processId, r]));
    expect(specs.map((s) => byId.get(s.id)?.status)).toEqual([
      'succeeded',
      'succeeded',
      'cancelled',
      'succeeded',
    ]);
    // Both commands met while the first claude had not yet heard from the account.
    expect(Number.isFinite(reportAt)).toBe(true);
    const commandStarts = recordedStarts(record);
    expect(commandStarts.get('c1')).toBeLessThan(reportAt);
    expect(commandStarts.get('c2')).toBeLessThan(reportAt);
    // The second claude waited for the first one's report: the probe was a claude try.
    expect(starts.get('first')).toBeLessThan(starts.get('second')!);
    expect(starts.get('second')).toBeGreaterThanOrEqual(reportAt);
  });
});
