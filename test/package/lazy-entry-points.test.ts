/**
 * The package's index loads the dashboard server and the patterns on their
 * first call, not at import: a program that runs agents pays for neither
 * (docs/benchmarks.md). Checked on the built dist/, in a fresh Node process
 * whose loader hook names every module it resolves.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/fixtures.js';

const hook = `data:text/javascript,${encodeURIComponent(
  'export async function resolve(s, c, next) { const r = await next(s, c); process._rawDebug("MODULE " + r.url); return r; }',
)}`;

/** The modules a fresh Node process resolves while it runs `script` (an ES module body). */
function modulesResolvedBy(script: string): { urls: string[]; stdout: string } {
  const index = pathToFileURL(join(repoRoot, 'dist/index.js')).href;
  const run = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { register } from 'node:module'; register(${JSON.stringify(hook)});
       const orchestrate = await import(${JSON.stringify(index)});
       ${script}`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  const urls = run.stderr
    .split('\n')
    .filter((line) => line.startsWith('MODULE '))
    .map((line) => line.slice('MODULE '.length));
  return { urls, stdout: run.stdout };
}

const lazy = [
  'dashboard/server.js',
  'patterns/n-version.js',
  'patterns/cascade.js',
  'patterns/debate.js',
  'patterns/panel.js',
];

describe('the package index', () => {
  it('loads neither the dashboard server nor the patterns when it is imported', () => {
    const { urls } = modulesResolvedBy('');
    expect(urls.some((url) => url.endsWith('/dist/strategies/run-parallel.js'))).toBe(true);
    for (const file of lazy)
      expect(urls.filter((url) => url.endsWith(`/dist/${file}`))).toEqual([]);
  });

  it('starts a dashboard through its startDashboard, loading the server then', () => {
    const dir = tempDir();
    try {
      const { urls, stdout } = modulesResolvedBy(
        `const dashboard = await orchestrate.startDashboard({ baseLogDir: ${JSON.stringify(dir.path)} });
         const page = await fetch(dashboard.url);
         console.log(page.status);
         await dashboard.close();`,
      );
      expect(stdout.trim()).toBe('200');
      expect(urls.some((url) => url.endsWith('/dist/dashboard/server.js'))).toBe(true);
    } finally {
      dir.cleanup();
    }
  });
});
