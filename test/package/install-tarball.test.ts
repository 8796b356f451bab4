/**
 * Installs orchestrate as a user would: packs the tarball (`npm pack`, from
 * the dist/ that `npm test` builds), installs it globally into a temporary
 * prefix (dependencies from the npm cache, the registry only for what is not
 * cached), and runs the installed `orchestrate` from there.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot, tempDir } from '../helpers/fixtures.js';
import { claudeBin } from '../helpers/mock-claude.js';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const dir = tempDir('orchestrate-install-');
const prefix = join(dir.path, 'prefix');
const installed = join(prefix, 'bin', 'orchestrate');
let tarball = '';

/** PATH with node and npm, and nothing else that could hold a claude. */
const barePath = [join(prefix, 'bin'), dirname(process.execPath), '/usr/bin', '/bin'].join(
  delimiter,
);

function orchestrate(args: string[], cwd = dir.path) {
  const env: NodeJS.ProcessEnv = { PATH: barePath, HOME: dir.path, NO_COLOR: '1' };
  return spawnSync(installed, args, { cwd, env, encoding: 'utf8', timeout: 150_000 });
}

beforeAll(() => {
  // dist/ is already built; --ignore-scripts keeps prepack from building it again.
  const packed = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', dir.path],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  tarball = join(dir.path, (JSON.parse(packed) as Array<{ filename: string }>)[0]!.filename);
  execFileSync(
    'npm',
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      tarball,
    ],
    { cwd: dir.path, encoding: 'utf8', stdio: 'pipe' },
  );
}, 240_000);
afterAll(() => dir.cleanup());

describe('the packed tarball', () => {
  test('holds the built CLI and library, not the sources or tests', () => {
    const files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n');
    expect(files).toContain('package/dist/cli/main.js');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/README.md');
    expect(files.some((f) => f.startsWith('package/src/') || f.startsWith('package/test/'))).toBe(
      false,
    );
  });

  test('installs without Claude Code, which is an optional peer', () => {
    const modules = join(prefix, 'lib', 'node_modules');
    expect(readdirSync(modules)).toEqual([manifest.name]);
    expect(existsSync(join(modules, manifest.name, 'node_modules', '@anthropic-ai'))).toBe(false);
  });

  test('the mock model is importable as a subpath of the package', () => {
    const script =
      "const m = await import('" +
      manifest.name +
      "/mock-model'); const s = await m.startMockModel(); console.log(typeof m.mockModelEnv, s.url.startsWith('http://127.0.0.1:')); await s.close();";
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: join(prefix, 'lib'),
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('function true');
  });

  test('the installed orchestrate prints its version', () => {
    const result = orchestrate(['--version']);
    expect(result.stdout.trim()).toBe(manifest.version);
    expect(result.status).toBe(0);
  });

  test('the installed orchestrate runs the mock demo with a claude given by --claude-bin', () => {
    const result = orchestrate([
      'parallel',
      '--mock-script',
      join(repoRoot, 'examples/demo.mock.json'),
      '--claude-bin',
      claudeBin,
      'Summarise the README',
      'List three risks',
      'Propose a test plan',
    ]);
    expect(result.stderr).not.toContain('error:');
    expect(result.stdout).toMatch(/Succeeded: 3 succeeded in .*\nSession folder: /);
    expect(result.status).toBe(0);
  });

  test('with no claude anywhere it says how to install one and starts nothing', () => {
    const project = join(dir.path, 'project');
    mkdirSync(project);
    const result = orchestrate(['parallel', '--mock-model', 'Say hi'], project);
    expect(result.stderr).toContain('npm install -g @anthropic-ai/claude-code');
    expect(result.status).toBe(1);
    expect(existsSync(join(project, '.orchestrate'))).toBe(false);
  });
});
