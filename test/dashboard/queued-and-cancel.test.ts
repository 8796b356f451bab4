/**
 * Processes waiting their turn, and cancels from the page, in a real browser
 * (Debian's Chromium through playwright-core): `orchestrate parallel -j 1`
 * over agents that each wait for a file the test creates, so the page is seen
 * with one process running and the others queued; then each starting in turn,
 * a queued one cancelled from the run's own dashboard, or cancels from a
 * separate `orchestrate dashboard --allow-cancel`.
 */
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserPerFile, rowPhases } from '../helpers/browser.js';
import { fixture } from '../helpers/fixtures.js';
import {
  onlySession,
  sessionEvents,
  startCli,
  waitFor,
  waitForFirstStart,
} from '../cli/helpers/run-cli.js';

const WAIT = { timeout: 60_000 };

const shared = browserPerFile();
const phases = rowPhases;

/** A run of agents that each wait for their own file in `folder`. */
function waitingRun(folder: string, names: string[], flags: string[]) {
  return startCli([
    'parallel',
    '-j',
    '1',
    '--command',
    fixture('wait-for-file'),
    '--log-dir',
    join(folder, 'logs'),
    ...flags,
    ...names.map((name) => join(folder, name)),
  ]);
}

/**
 * Starts a waiting run of a, b and c with its own dashboard and opens the page
 * once the first runs: one process running, the other two queued.
 */
async function openQueuedRun(folder: string, flags: string[]) {
  const run = waitingRun(folder, ['a', 'b', 'c'], ['--dashboard', ...flags]);
  let stderr = '';
  run.child.stderr!.on('data', (s: string) => (stderr += s));
  const url = await waitFor(() => /Dashboard: (\S+)/.exec(stderr)?.[1], 60_000);
  const page = await shared.browser.context.newPage();
  try {
    await page.goto(url);
    await page.waitForSelector('tr[data-process="process-001"][data-phase="running"]', WAIT);
    expect(await phases(page)).toEqual([
      'process-001:running',
      'process-002:queued',
      'process-003:queued',
    ]);
  } catch (error) {
    await page.close();
    run.child.kill('SIGINT');
    throw error;
  }
  return { run, page };
}

describe('queued processes on the dashboard', () => {
  it('shows the processes not started yet as queued, then each starting in turn', async () => {
    const folder = join(shared.dir.path, 'queued');
    const { run, page } = await openQueuedRun(folder, []);
    try {
      expect(await page.textContent('tr[data-process="process-002"] td.state')).toContain('queued');
      writeFileSync(join(folder, 'a'), '');
      await page.waitForSelector('tr[data-process="process-002"][data-phase="running"]', WAIT);
      expect(await phases(page)).toEqual([
        'process-001:ended',
        'process-002:running',
        'process-003:queued',
      ]);
      writeFileSync(join(folder, 'b'), '');
      writeFileSync(join(folder, 'c'), '');
      await page.waitForSelector('.facts [data-status="succeeded"]', WAIT);
      expect(await phases(page)).toEqual([
        'process-001:ended',
        'process-002:ended',
        'process-003:ended',
      ]);
      expect((await run.done).code).toBe(0);
    } finally {
      await page.close();
      run.child.kill('SIGINT');
    }
  }, 180_000);

  it('cancels a queued task from the page: it ends cancelled and never starts, and the next one takes its turn', async () => {
    const folder = join(shared.dir.path, 'cancel-queued');
    const { run, page } = await openQueuedRun(folder, ['--allow-cancel']);
    try {
      await page.click('tr[data-process="process-002"] button.cancel');
      await page.waitForSelector('tr[data-process="process-002"][data-phase="ended"]', WAIT);
      expect(await page.textContent('.notice')).toBe('Cancelling process-002');
      expect((await page.textContent('tr[data-process="process-002"] td.state'))?.trim()).toBe(
        'not run',
      );
      expect(await page.textContent('tr[data-process="process-002"] td.last-line')).toContain(
        'cancelled before it started',
      );
      // The running one goes on; once it ends, the third starts, not the cancelled one.
      expect(await phases(page)).toEqual([
        'process-001:running',
        'process-002:ended',
        'process-003:queued',
      ]);
      writeFileSync(join(folder, 'a'), '');
      await page.waitForSelector('tr[data-process="process-003"][data-phase="running"]', WAIT);
      writeFileSync(join(folder, 'c'), '');
      await page.waitForSelector('tr[data-process="process-003"][data-phase="ended"]', WAIT);
      expect((await run.done).code).not.toBe(0);
      const records = sessionEvents(onlySession(join(folder, 'logs')));
      const ofSecond = records.filter((r) => r.processId === 'process-002');
      expect(ofSecond.map((r) => r.kind)).not.toContain('process-start');
      expect(ofSecond.find((r) => r.kind === 'process-end')?.status).toBe('cancelled');
      expect(await page.locator('.timeline .bar').count()).toBe(2);
    } finally {
      await page.close();
      run.child.kill('SIGINT');
    }
  }, 180_000);

  it('cancels a process, then the run, from a separate orchestrate dashboard --allow-cancel', async () => {
    const folder = join(shared.dir.path, 'cancel');
    const run = waitingRun(folder, ['a', 'b', 'c'], ['-q']);
    const sessionId = basename(await waitForFirstStart(join(folder, 'logs')));
    const served = startCli(['dashboard', '--allow-cancel', '--log-dir', join(folder, 'logs')]);
    let stdout = '';
    served.child.stdout!.on('data', (s: string) => (stdout += s));
    const url = await waitFor(() => /(http:\/\/\S+)/.exec(stdout)?.[1], 60_000);
    const page = await shared.browser.context.newPage();
    try {
      await page.goto(`${url}#/sessions/${sessionId}`);
      await page.waitForSelector('tr[data-process="process-001"][data-phase="running"]', WAIT);
      await page.click('tr[data-process="process-001"] button.cancel');
      await page.waitForSelector('tr[data-process="process-002"][data-phase="running"]', WAIT);
      expect(await page.textContent('tr[data-process="process-001"] td.state')).toContain(
        'cancelled',
      );
      expect(await page.textContent('.notice')).toBe('Asked the run to cancel');
      expect(await phases(page)).toEqual([
        'process-001:ended',
        'process-002:running',
        'process-003:queued',
      ]);
      await page.click('button.cancel-run');
      await page.waitForSelector('.facts [data-status="cancelled"]', WAIT);
      // The one never started ends too, before its start: it shows as not run.
      await page.waitForSelector('tr[data-process="process-003"][data-phase="ended"]', WAIT);
      expect(await page.textContent('tr[data-process="process-002"] td.state')).toContain(
        'cancelled',
      );
      expect((await page.textContent('tr[data-process="process-003"] td.state'))?.trim()).toBe(
        'not run',
      );
      expect(await page.textContent('tr[data-process="process-003"] td.last-line')).toContain(
        'cancelled before it started',
      );
      expect(await page.locator('.timeline .bar').count()).toBe(2);
      const ended = await run.done;
      expect(ended.code).not.toBe(0);
      // A run that has ended takes no more cancels.
      const answer = await page.evaluate(async (path) => {
        const response = await fetch(path, { method: 'POST' });
        return [response.status, (await response.text()).trim()];
      }, `/api/sessions/${sessionId}/cancel`);
      expect(answer).toEqual([409, 'The run has ended']);
    } finally {
      await page.close();
      run.child.kill('SIGINT');
      served.child.kill('SIGINT');
    }
    expect((await served.done).code).toBe(0);
  }, 180_000);
});
