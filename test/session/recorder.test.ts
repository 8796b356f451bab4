import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrchestrateEvent } from '../../src/events/types.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { fixtureProcess, tempDir } from '../helpers/fixtures.js';
import { eventsFile, kinds, quietSession } from './support.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('recording the runs of a session', () => {
  it('records every run as typed records, in events.jsonl and as event emissions alike', async () => {
    const session = quietSession(dir.path);
    const seen: OrchestrateEvent[] = [...session.events()];
    session.on('event', (event) => seen.push(event));
    const processes = [session.createProcess('alpha'), session.createProcess('beta')];
    const results = await runParallel(processes);
    expect(results.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    session.log('all done', 'INFO');
    const summary = await session.close();
    const written = eventsFile(session.sessionDir);
    expect(written).toEqual(seen);
    expect(written[0]!.kind).toBe('session-start');
    expect(written.at(-1)!.kind).toBe('session-end');
    for (const id of ['process-001', 'process-002']) {
      const mine = written.filter((e) => 'processId' in e && e.processId === id);
      expect(kinds(mine).filter((k) => k !== 'log')).toEqual([
        'process-start',
        'process-activity',
        'process-activity',
        'process-activity',
        'process-end',
      ]);
    }
    expect(
      written.every((e) => e.sessionId === session.sessionId && !Number.isNaN(Date.parse(e.at))),
    ).toBe(true);
    expect(summary.status).toBe('succeeded');
    expect(summary.totals).toMatchObject({
      processes: 2,
      succeeded: 2,
      costUsd: 0.025,
      retries: 0,
    });
    expect(summary.totals.usage).toEqual({
      inputTokens: 600,
      outputTokens: 60,
      cacheReadInputTokens: 10,
      cacheCreationInputTokens: 2,
    });
  });

  it('reports live progress: tokens so far, counting each assistant message once, and what the agent did', async () => {
    const session = quietSession(dir.path);
    const activity: OrchestrateEvent[] = [];
    session.on('event', (e) => e.kind === 'process-activity' && activity.push(e));
    await runParallel([session.createProcess('go')]);
    await session.close();
    expect(
      activity.map(
        (e) =>
          e.kind === 'process-activity' && [e.turns, e.inputTokens, e.outputTokens, e.activity],
      ),
    ).toEqual([
      [1, 100, 10, 'Looking'],
      [1, 100, 10, '-> Bash(ls)'],
      [2, 300, 30, 'Done'],
    ]);
  });

  it('records the retries of processes it tracks, each try under its own attempt', async () => {
    const session = quietSession(dir.path);
    const flaky = session.track(
      fixtureProcess(dir.path, 'fail-until', {
        processId: 'flaky',
        logDir: session.processLogDir,
        env: { COUNTER_FILE: join(dir.path, 'count'), SUCCEED_ON: '2' },
      }),
    );
    await runParallel([flaky], {
      retry: { attempts: 3, minDelayMs: 0, shouldRetry: (r) => r.status === 'failed' },
    });
    const summary = await session.close();
    const records = eventsFile(session.sessionDir).filter(
      (e) => e.kind !== 'log' && e.kind !== 'session-start' && e.kind !== 'session-end',
    );
    expect(records.map((e) => [e.kind, 'attempt' in e ? e.attempt : null])).toEqual([
      ['process-start', 1],
      ['process-end', 1],
      ['retry', 2],
      ['process-start', 2],
      ['process-end', 2],
    ]);
    expect(summary.processes[0]).toMatchObject({
      processId: 'flaky',
      status: 'succeeded',
      tries: 2,
    });
    expect(summary.totals.retries).toBe(1);
    expect(existsSync(join(session.processLogDir, 'flaky.attempt-2.log'))).toBe(true);
  });
});
