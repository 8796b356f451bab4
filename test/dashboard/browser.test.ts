/**
 * The dashboard in a real browser (Debian's Chromium through playwright-core):
 * a live `orchestrate parallel --mock-script ... --dashboard` run, watched as
 * its processes finish, and a page that outlives a server restart. One
 * browser for the file.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDashboard } from '../../src/dashboard/server.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { browserPerFile, rowPhases } from '../helpers/browser.js';
import { repoRoot } from '../helpers/fixtures.js';
import { startCli, waitFor } from '../cli/helpers/run-cli.js';
import { quietSession } from '../session/support.js';

const SCRIPT = join(repoRoot, 'test/dashboard/fixtures/demo-with-a-slow-review.mock.json');
/** Set ORCHESTRATE_SCREENSHOT=1 to refresh the screenshot in docs/. */
const SCREENSHOT = process.env.ORCHESTRATE_SCREENSHOT ? join(repoRoot, 'docs/dashboard.png') : null;
const WAIT = { timeout: 90_000 };

const shared = browserPerFile();
const phases = rowPhases;

describe('the dashboard in a browser', () => {
  it('shows a live run and updates as its processes finish, without a reload', async () => {
    const logDir = join(shared.dir.path, 'live');
    const run = startCli([
      'parallel',
      '--mock-script',
      SCRIPT,
      '--dashboard',
      '--log-dir',
      logDir,
      'Summarise the README',
      'List three risks',
      'Propose a test plan',
      'Do a deep review',
    ]);
    let stderr = '';
    run.child.stderr!.on('data', (s: string) => (stderr += s));
    const url = await waitFor(() => /Dashboard: (\S+)/.exec(stderr)?.[1], 60_000);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+#\/sessions\/parallel_/);
    const page = await shared.browser.context.newPage();
    await page.goto(url);
    await page.evaluate(
      () => ((globalThis as unknown as { loadedOnce: boolean }).loadedOnce = true),
    );
    // The slow review is still running while the quick ones have finished.
    await page.waitForSelector('tr[data-process="process-004"][data-phase="running"]', WAIT);
    await page.waitForSelector('tr[data-process="process-001"][data-phase="ended"]', WAIT);
    expect(await page.textContent('.facts .status')).toBe('running');
    if (SCREENSHOT) {
      await page.waitForSelector('tr[data-process="process-003"][data-phase="ended"]', WAIT);
      await page.screenshot({ path: SCREENSHOT });
    }
    // Then everything ends, on the same page.
    await page.waitForSelector('.facts [data-status="succeeded"]', WAIT);
    expect(await phases(page)).toEqual([
      'process-001:ended',
      'process-002:ended',
      'process-003:ended',
      'process-004:ended',
    ]);
    expect(
      await page.evaluate(() => (globalThis as unknown as { loadedOnce?: boolean }).loadedOnce),
    ).toBe(true);
    const records = page.locator('.records');
    expect(await records.getAttribute('data-applied')).toBe(
      await records.getAttribute('data-last-seq'),
    );
    // The plots are drawn by uPlot, with the cost and tokens over time.
    expect(
      await page.$$eval('.plot .u-title', (titles) => titles.map((t) => t.textContent)),
    ).toEqual(['Cost over time', 'Tokens over time']);
    expect(await page.locator('.plot canvas').count()).toBe(2);
    expect(await page.locator('.timeline .bar.succeeded').count()).toBe(4);
    // The mock model spends nothing: its costs say so, here and in the sessions list.
    expect(await page.textContent('.facts .cost')).toMatch(/^cost \$\d+\.\d{4} simulated$/);
    expect(await page.textContent('table.processes th:has(.simulated)')).toBe('cost simulated');
    const result = await run.done;
    expect(result.code).toBe(0);
    // The run's own dashboard stopped with it; another one lists the run.
    const dashboard = await startDashboard({ baseLogDir: logDir });
    try {
      await page.goto(dashboard.url);
      const row = page.locator('tr[data-session] td.cost');
      await row.waitFor(WAIT);
      expect(await row.textContent()).toMatch(/^\s*\$\d+\.\d{4} simulated\s*$/);
    } finally {
      await dashboard.close();
    }
    if (SCREENSHOT) expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    await page.close();
  }, 240_000);

  it('keeps the page live across a server restart, missing and repeating no record', async () => {
    const base = join(shared.dir.path, 'restart');
    const session = quietSession(shared.dir.path, { baseLogDir: base });
    await runParallel([session.createProcess('first')]);
    let dashboard = await startDashboard({ baseLogDir: base });
    const { port, token } = dashboard;
    const page = await shared.browser.context.newPage();
    await page.goto(`${dashboard.url}#/sessions/${session.sessionId}`);
    await page.waitForSelector('tr[data-process="process-001"][data-phase="ended"]', WAIT);
    await dashboard.close();
    await page.waitForSelector('.conn.down', WAIT);
    // Records written while no server is up arrive once it is back.
    await runParallel([session.createProcess('second')]);
    await session.close();
    dashboard = await startDashboard({ baseLogDir: base, port, token });
    try {
      await page.waitForSelector('.facts [data-status="succeeded"]', WAIT);
      await page.waitForSelector('.conn.live', WAIT);
      expect(await phases(page)).toEqual(['process-001:ended', 'process-002:ended']);
      const written = readFileSync(session.getEventsPath(), 'utf8').trim().split('\n').length;
      const records = page.locator('.records');
      expect(await records.getAttribute('data-last-seq')).toBe(String(written));
      expect(await records.getAttribute('data-applied')).toBe(String(written));
      // A run on a real agent binary (here the fake claude): its costs are not marked simulated.
      expect(await page.textContent('.facts .cost')).toMatch(/^cost \$\d+\.\d{4}$/);
      await page.click('a[href="#/"]');
      await page.locator('tr[data-session] td.cost').waitFor(WAIT);
      expect(await page.locator('.simulated').count()).toBe(0);
    } finally {
      await page.close();
      await dashboard.close();
    }
  }, 120_000);
});
