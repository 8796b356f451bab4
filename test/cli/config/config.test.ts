import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { fixture, tempDir } from '../../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

// A project folder with orchestrate.config.yaml, a user config folder
// (XDG_CONFIG_HOME) with config.json, and a subfolder to run from: the
// project file is found by walking up.
const dir = tempDir('orchestrate-cli-config-');
const project = join(dir.path, 'project');
const sub = join(project, 'src');
const xdg = join(dir.path, 'xdg');
mkdirSync(sub, { recursive: true });
mkdirSync(join(xdg, 'orchestrate'), { recursive: true });
const projectFile = join(project, 'orchestrate.config.yaml');
const userFile = join(xdg, 'orchestrate', 'config.json');
writeFileSync(projectFile, 'model: project-model\njobs: 3\ntimeout: 5m\nlogDir: runs\n');
writeFileSync(userFile, JSON.stringify({ timeout: '1m', idleTimeout: '30s', model: 'user-model' }));
const env = { XDG_CONFIG_HOME: xdg };
afterAll(() => dir.cleanup());

describe('orchestrate config', () => {
  test('shows each default with where it comes from: variable, then project, then user', async () => {
    const result = await runCli(['config', '--json'], {
      cwd: sub,
      env: { ...env, ORCHESTRATE_AGENT_RETRIES: '4' },
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      projectFile,
      userFile,
      settings: {
        model: { value: 'project-model', source: projectFile },
        jobs: { value: '3', source: projectFile },
        timeout: { value: '5m', source: projectFile },
        idleTimeout: { value: '30s', source: userFile },
        agentRetries: { value: '4', source: 'ORCHESTRATE_AGENT_RETRIES' },
        logDir: { value: join(project, 'runs'), source: projectFile },
      },
    });
  });

  test('prints a table naming the files looked for', async () => {
    const result = await runCli(['config'], { cwd: sub, env });
    expect(result.stdout).toMatch(/^SETTING +VALUE +FROM$/m);
    expect(result.stdout).toMatch(new RegExp(`^idleTimeout +30s +${userFile}$`, 'm'));
    expect(result.stdout).toMatch(/^prices +- +default \(--prices\)$/m);
    expect(result.stdout).toContain(`Project file: ${projectFile}`);
  });
});

describe('the defaults reach a run', () => {
  test('the model goes on the agent command line, and flags win over the files', async () => {
    const fromFile = await runCli(['parallel', '--dry-run', 'hi'], { cwd: sub, env });
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toContain('--model project-model');
    const fromFlag = await runCli(['parallel', '--dry-run', '--model', 'flag-model', 'hi'], {
      cwd: sub,
      env,
    });
    expect(fromFlag.stdout).toContain('--model flag-model');
    expect(fromFlag.stdout).not.toContain('project-model');
  });

  test('a relative logDir is read from the file that names it; jobs does not trouble sequential', async () => {
    const result = await runCli(['sequential', '--claude-bin', fixture('print-ok'), 'one'], {
      cwd: sub,
      env,
    });
    expect(result.stderr).not.toContain('does not apply');
    expect(readdirSync(join(project, 'runs'))).toEqual([expect.stringMatching(/^sequential_/)]);
  });
});

describe('bad settings are refused with their source', () => {
  test('a bad value names the file, the key, the flag it stands for and what is accepted', async () => {
    const bad = join(dir.path, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'orchestrate.config.json'), JSON.stringify({ timeout: 'soon' }));
    const result = await runCli(['parallel', '--dry-run', 'hi'], { cwd: bad, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${join(bad, 'orchestrate.config.json')}: timeout (the default for --timeout): expected a duration such as 90s`,
    );
  });

  test('an unknown key and a bad variable are named', async () => {
    const unknown = join(dir.path, 'unknown');
    mkdirSync(unknown);
    writeFileSync(join(unknown, 'orchestrate.config.yml'), 'concurrency: 4\n');
    const a = await runCli(['config'], { cwd: unknown, env });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(
      'unknown setting "concurrency"; the settings are agent, model, jobs',
    );
    const b = await runCli(['parallel', '--dry-run', 'hi'], {
      cwd: sub,
      env: { ...env, ORCHESTRATE_JOBS: 'many' },
    });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(
      'ORCHESTRATE_JOBS (the default for -j/--max-workers): expected a whole number of at least 1, got "many"',
    );
  });
});
