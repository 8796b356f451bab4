/**
 * zod (94 modules, about 12 MB of RSS) loads only when something needs it:
 * not with the package's index, not for a CLI run of tasks built from flags,
 * and then for a spec with a problem to word or for `orchestrate-agents/schemas`
 * (docs/benchmarks.md). Checked on the built dist/, in fresh Node processes
 * whose loader hook names every module they load.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, repoRoot, tempDir } from '../helpers/fixtures.js';

const hook = `data:text/javascript,${encodeURIComponent(
  'export async function load(u, c, next) { process._rawDebug("MODULE " + u); return next(u, c); }',
)}`;
// Modules that require() loads (as load-zod.ts does) skip the hook, so the
// CommonJS cache is read at exit too.
const register = `import { createRequire, register } from 'node:module';
register(${JSON.stringify(hook)});
process.on('exit', () => {
  for (const path of Object.keys(createRequire(process.cwd() + '/').cache)) process._rawDebug('MODULE ' + path);
});`;
const index = pathToFileURL(join(repoRoot, 'dist/index.js')).href;

/** What a fresh Node process printed, and the zod modules it loaded. */
function run(args: string[]): { stdout: string; zodModules: string[] } {
  const child = spawnSync(process.execPath, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(child.status, child.stderr).toBe(0);
  const zodModules = child.stderr
    .split('\n')
    .filter((line) => line.startsWith('MODULE ') && line.includes('/node_modules/zod/'));
  return { stdout: child.stdout, zodModules };
}

function script(body: string): string[] {
  return ['--input-type=module', '-e', `${register}\n${body}`];
}

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('zod', () => {
  it('is not loaded by the package index, nor by a valid spec run through runTask', () => {
    const { stdout, zodModules } = run(
      script(
        `const { runTask, silentLogger } = await import(${JSON.stringify(index)});
         const result = await runTask(
           { id: 'ok', agent: 'command', prompt: 'hi', command: ${JSON.stringify(fixture('print-ok'))}, cwd: ${JSON.stringify(dir.path)}, timeoutMs: 60000, retry: { attempts: 1 } },
           { logDir: ${JSON.stringify(dir.path)}, logger: silentLogger });
         console.log(result.status);`,
      ),
    );
    expect(stdout.trim()).toBe('succeeded');
    expect(zodModules).toEqual([]);
  });

  it('is not loaded by a CLI run of tasks built from flags', () => {
    const { zodModules } = run([
      '--import',
      `data:text/javascript,${encodeURIComponent(register)}`,
      join(repoRoot, 'dist/cli/main.js'),
      'parallel',
      '-q',
      '--timeout',
      '1m',
      '--retries',
      '1',
      '--log-dir',
      dir.path,
      '--command',
      fixture('print-ok'),
      'one',
      'two',
    ]);
    expect(zodModules).toEqual([]);
  });

  it('loads to word the problems of a spec that has some, in the same words', () => {
    const { stdout, zodModules } = run(
      script(
        `const { parseTaskSpec } = await import(${JSON.stringify(index)});
         try { parseTaskSpec({ id: 'a', agent: 'claude', prompt: 'x', timeoutMs: -5 }); }
         catch (error) { console.log(error.message); }`,
      ),
    );
    expect(stdout.trim()).toBe(
      'Task "a" is invalid: `timeoutMs` must be a non-negative integer (milliseconds), got `-5` (number)',
    );
    expect(zodModules.length).toBeGreaterThan(0);
  });

  it('gives its schemas through orchestrate-agents/schemas, the same zod that import gives', () => {
    const { stdout } = run(
      script(
        `const { taskSpecSchema, priceTableSchema } = await import('orchestrate-agents/schemas');
         const { z } = await import('zod');
         console.log(taskSpecSchema instanceof z.ZodObject, taskSpecSchema.safeParse({ id: 'a', agent: 'claude', prompt: 'x' }).success, priceTableSchema.safeParse({ m: { input: 1, output: 2 } }).success);`,
      ),
    );
    expect(stdout.trim()).toBe('true true true');
  });
});
