/**
 * The dashboard's cancel reaches a process object that still waits for a slot
 * of its session's limiter, over real HTTP: a library session with
 * maxWorkers 1 whose first process waits for a file while the second waits
 * for the slot, and a dashboard whose cancels go to the session
 * (sessionControl). The cancel (a same-origin POST with the token) ends the
 * second `cancelled` without it ever starting; the first runs on.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDashboard } from '../../src/dashboard/server.js';
import { sessionControl } from '../../src/dashboard/session-control.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { waitFor } from '../cli/helpers/run-cli.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { quietSession } from '../session/support.js';

const dir = tempDir();
afterAll(() => dir.cleanup());

describe("the dashboard's cancel of a process waiting for its slot", () => {
  it('ends it cancelled before it ever starts, while the process holding the slot runs on', async () => {
    const session = quietSession(dir.path, {
      baseLogDir: join(dir.path, 'sessions'),
      maxWorkers: 1,
    });
    const go = join(dir.path, 'go');
    const waitingFor = (id: string, file: string) =>
      session.createProcess(file, id, { agent: 'command', command: fixture('wait-for-file') });
    const first = waitingFor('first', go);
    const second = waitingFor('second', join(dir.path, 'never-made'));
    const started: string[] = [];
    session.on('event', (event) => {
      if (event.kind === 'process-start') started.push(event.processId);
    });
    const run = new AbortController();
    const dashboard = await startDashboard({
      baseLogDir: join(dir.path, 'sessions'),
      allowCancel: true,
      control: sessionControl(session, (reason) => run.abort(reason)),
    });
    const at = new URL(dashboard.url).origin;
    const cancel = (processId: string) =>
      fetch(`${at}/api/sessions/${session.sessionId}/processes/${processId}/cancel`, {
        method: 'POST',
        headers: {
          cookie: `orchestrate-dashboard-${dashboard.port}=${dashboard.token}`,
          origin: at,
        },
      });
    // Both run under a strategy allowed two at once; the session's limiter holds the second back.
    const results = runParallel([first, second], { maxWorkers: 2, signal: run.signal });
    try {
      await waitFor(() => started.includes('first'), 30_000, 'the first process to start');
      const answer = await cancel('second');
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({
        cancelled: 'second',
        message: 'Cancelling second',
      });
      await waitFor(() => second.state === 'ended', 30_000, 'the waiting process to end');
      expect(first.state).toBe('running');
      const again = await cancel('second');
      expect([again.status, (await again.text()).trim()]).toEqual([
        409,
        'second has ended (or is no process of this run)',
      ]);
    } finally {
      writeFileSync(go, '');
      await dashboard.close();
    }
    // In the order they ended.
    const [secondResult, firstResult] = await results;
    await session.close();
    expect(secondResult!.processId).toBe('second');
    expect(firstResult!.status).toBe('succeeded');
    expect(secondResult!.status).toBe('cancelled');
    expect(secondResult!.message).toContain('before it started');
    expect(started).toEqual(['first']);
    expect(run.signal.aborted).toBe(false);
  });
});
