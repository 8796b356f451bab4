/**
 * A pattern on the page (Debian's Chromium through playwright-core): a real
 * `orchestrate n-version` on the mock model, in worktrees of a real git repo,
 * then the dashboard over its sessions folder: each process's step, the
 * verdict and its choice, and the winner's artifacts (branch, files, patch).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboard } from '../../src/dashboard/server.js';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { repoRoot } from '../helpers/fixtures.js';
import { runCli } from '../cli/helpers/run-cli.js';
import { makeRepo, type TempRepo } from '../workspaces/support.js';

const SCRIPT = join(repoRoot, 'test/cli/fixtures/scripts/n-version-greeting.json');
const WAIT = { timeout: 60_000 };
/** Set ORCHESTRATE_SCREENSHOT=1 to refresh the pattern's screenshot in docs/. */
const SCREENSHOT = process.env.ORCHESTRATE_SCREENSHOT
  ? join(repoRoot, 'docs/dashboard-n-version.png')
  : null;

let browser: TestBrowser;
let repo: TempRepo;
beforeAll(async () => {
  repo = makeRepo();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  repo?.cleanup();
});

describe('a pattern on the dashboard', () => {
  it("shows each step, the verdict and the winner's branch, files and patch", async () => {
    const logDir = join(repo.sessionDir, 'logs');
    const run = await runCli([
      'n-version',
      '--models',
      'alpha,beta',
      '--check',
      'test -s greeting.txt',
      '--mock-script',
      SCRIPT,
      '--cwd',
      repo.root,
      '--log-dir',
      logDir,
      '--json',
      'Add a greeting',
      '--',
      '--allowedTools',
      'Write',
    ]);
    expect(run.code).toBe(0);
    const { sessionId } = JSON.parse(run.stdout) as { sessionId: string };
    const dashboard = await startDashboard({ baseLogDir: logDir });
    const page = await browser.context.newPage();
    try {
      await page.goto(`${dashboard.url}#/sessions/${sessionId}`);
      await page.waitForSelector('.facts [data-status="succeeded"]', WAIT);
      const steps = await page.$$eval('tr[data-process]', (rows) =>
        rows.map((row) => [
          row.getAttribute('data-process'),
          row.querySelector('td.step')?.textContent?.trim(),
        ]),
      );
      expect(steps).toEqual(
        expect.arrayContaining([
          ['version-1', 'version 1 · claude/alpha'],
          ['version-2', 'version 2 · claude/beta'],
          ['review', expect.stringMatching(/^review · reviewer$/)],
        ]),
      );
      expect(steps.filter(([, step]) => step?.startsWith('check '))).toHaveLength(2);
      expect(await page.textContent('.verdict')).toContain('Winner: version-2. beta is clearer.');
      expect(await page.getAttribute('tr.chosen', 'data-process')).toBe('version-2');
      if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT, fullPage: true });

      await page.click('tr[data-process="version-2"] a');
      await page.waitForSelector('.artifacts .branch', WAIT);
      expect(await page.textContent('.artifacts .branch')).toBe(
        `orchestrate/${sessionId}/version-2`,
      );
      expect(await page.getAttribute('.files-changed', 'data-count')).toBe('1');
      expect(await page.textContent('.files .path')).toBe('greeting.txt');
      await page.waitForSelector('pre.diff', WAIT);
      expect(await page.textContent('pre.diff')).toContain('+hello from beta');
      // A pattern on the mock model: its costs are simulated, on the process page too.
      expect(await page.textContent('#facts .cost')).toMatch(/^\$\d+\.\d{4} simulated$/);
    } finally {
      await page.close();
      await dashboard.close();
    }
  }, 180_000);
});
