/**
 * Debian's Chromium, driven by playwright-core, for the dashboard's browser
 * tests: headless, with every background connection turned off (this
 * machine reaches nothing but loopback) and a fresh profile each launch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { tempDir } from './fixtures.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'orchestrate-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One browser and one temp folder for the tests of a file: launched before
 * them, closed after. Read `.browser` and `.dir` inside the tests.
 */
export function browserPerFile(): {
  readonly browser: TestBrowser;
  readonly dir: { path: string };
} {
  let browser: TestBrowser | undefined;
  let dir: { path: string; cleanup(): void } | undefined;
  beforeAll(async () => {
    dir = tempDir();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    dir?.cleanup();
  });
  return {
    get browser() {
      return browser!;
    },
    get dir() {
      return dir!;
    },
  };
}

/** The dashboard's process rows as "process-001:running", in page order. */
export const rowPhases = (page: Page): Promise<string[]> =>
  page.$$eval('tr[data-process]', (rows) =>
    rows.map((row) => `${row.getAttribute('data-process')}:${row.getAttribute('data-phase')}`),
  );
