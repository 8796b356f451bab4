/**
 * A session's one limiter holds everything the session runs: tasks given as
 * specs and its process objects, whether a strategy runs them or the caller
 * does. Real fixture executables record when each run starts and ends.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import type { TaskSpec } from '../../src/tasks/task-spec.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { maxOverlap, recordedIntervals, watchRunning } from '../strategies/support.js';
import { eventsFile, quietSession } from './support.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

const recordEnv = () => ({ RECORD_FILE: join(dir.path, 'record.txt'), SLEEP: '0.3' });

function recordingSpec(id: string): TaskSpec {
  return {
    id,
    agent: 'command',
    command: fixture('record-concurrency'),
    prompt: id,
    env: recordEnv(),
  };
}

function recordingProcess(session: OrchestratorSession, id: string) {
  return session.createProcess(id, id, {
    agent: 'command',
    command: fixture('record-concurrency'),
    env: recordEnv(),
  });
}

describe("a session's limiter", () => {
  it('holds specs, processes given to a strategy and processes run by hand to maxWorkers in all', async () => {
    const session = quietSession(dir.path, { maxWorkers: 2 });
    const byHand = ['hand-1', 'hand-2'].map((id) => recordingProcess(session, id));
    const results = await Promise.all([
      runParallel(['spec-1', 'spec-2', 'spec-3'].map(recordingSpec), {
        executor: session.executor,
      }),
      runParallel(
        ['object-1', 'object-2', 'object-3'].map((id) => recordingProcess(session, id)),
        { maxWorkers: 3 },
      ),
      Promise.all(byHand.map((process) => process.run())),
    ]);
    await session.close();
    expect(results.flat().map((r) => r.status)).toEqual(Array(8).fill('succeeded'));
    const intervals = recordedIntervals(dir.path);
    expect(intervals.map((i) => i.label).sort()).toEqual([
      'hand-1',
      'hand-2',
      'object-1',
      'object-2',
      'object-3',
      'spec-1',
      'spec-2',
      'spec-3',
    ]);
    expect(maxOverlap(intervals)).toBe(2);
    expect(session.limiter.activeCount).toBe(0);
    expect(session.limiter.pendingCount).toBe(0);
  });

  it("holds a process object's retries too: each try takes a slot of its own", async () => {
    const session = quietSession(dir.path, { maxWorkers: 1 });
    const flaky = session.createProcess('flaky', 'flaky', {
      agent: 'command',
      command: fixture('fail-until'),
      env: { COUNTER_FILE: join(dir.path, 'count'), SUCCEED_ON: '2' },
    });
    const others = ['other-1', 'other-2'].map((id) => recordingProcess(session, id));
    const watched = watchRunning([flaky, ...others]);
    const [retried, ...rest] = await Promise.all([
      runParallel([flaky], {
        retry: { attempts: 2, minDelayMs: 0, shouldRetry: (r) => r.status === 'failed' },
      }),
      ...others.map((process) => process.run()),
    ]);
    await session.close();
    expect(retried[0]!.status).toBe('succeeded');
    expect(retried[0]!.tries).toBe(2);
    expect(rest.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    const starts = eventsFile(session.sessionDir).filter((e) => e.kind === 'process-start');
    expect(starts).toHaveLength(4);
    expect(watched.max()).toBe(1);
  });

  it('a process object cancelled while it waits for a slot ends at once, unstarted', async () => {
    const session = quietSession(dir.path, { maxWorkers: 1 });
    const hog = session.createProcess('hog', 'hog', {
      agent: 'command',
      command: fixture('sleep-forever'),
      killGraceMs: 100,
    });
    const queued = recordingProcess(session, 'queued');
    session.on('event', (event) => {
      if (event.kind === 'process-start' && event.processId === 'hog') queued.cancel('not needed');
    });
    const hogRun = hog.run();
    const queuedResult = await queued.run();
    expect(queuedResult.status).toBe('cancelled');
    expect(queuedResult.message).toContain('before it started');
    expect(recordedIntervals(dir.path)).toEqual([]);
    expect(hog.state).toBe('running');
    hog.cancel('done');
    expect((await hogRun).status).toBe('cancelled');
    await session.close();
  });
});
