/**
 * `orchestrate resume --backend redis://…`: a session run on the workers
 * resumes on them, with the real CLI, a real `orchestrate worker`, a real
 * redis-server and the real claude against the mock model; each task's tries
 * go on numbering after its earlier ones.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, test } from 'vitest';
import { overBudgetRun } from '../cli/helpers/over-budget-run.js';
import { onlySession, runCli, sessionEvents } from '../cli/helpers/run-cli.js';
import { useQueueFixture } from '../helpers/queue-fixture.js';

const queue = useQueueFixture(2);

test('a task the budget skipped on the backend runs again there as its next attempt', async () => {
  const logDir = join(queue.dir, 'sessions');
  const first = await overBudgetRun(logDir, ['--backend', queue.redis.url]);
  expect(first.code).toBe(1);
  const session = onlySession(logDir);

  const resumed = await runCli([
    ...['resume', 'last', '--backend', queue.redis.url, '--log-dir', logDir, '--mock-model'],
  ]);
  expect(resumed.code).toBe(0);
  expect(resumed.stdout).toContain('Mock reply: three');
  // The worker is told the try's number: it names the try's log on its side.
  expect(queue.worker.output()).toContain('Running claude task process-003 (try 2)');
  const events = sessionEvents(session);
  const tries = (kind: string) =>
    events.filter((e) => e.kind === kind && e.processId === 'process-003').map((e) => e.attempt);
  // Try 1 was skipped (an end without a start); the resumed try is attempt 2.
  expect(tries('process-end')).toEqual([1, 2]);
  // Every start recorded is a run the worker made: an update delivered twice is applied once
  // (JobTracker), so only a second run (BullMQ's stalled-job recovery of a worker paused past
  // its 30 s lock) can record a second start.
  const runs = queue.worker.output().split('Running claude task process-003 (try 2)').length - 1;
  expect(runs).toBeGreaterThan(0);
  expect(tries('process-start')).toEqual(Array.from({ length: runs }, () => 2));
  // Each task is recorded once; the worker logs the try as attempt 2.
  expect(events.filter((e) => e.kind === 'task')).toHaveLength(3);
  const sessionId = basename(session);
  const workerLogs = join(queue.dir, 'w', sessionId);
  expect(existsSync(join(workerLogs, 'process-003.attempt-2.log'))).toBe(true);
});
