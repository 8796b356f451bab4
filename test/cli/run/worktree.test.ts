import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pidAlive, repoRoot } from '../../helpers/fixtures.js';
import { checkoutState, gitIn, makeRepo, type TempRepo } from '../../workspaces/support.js';
import { runCli, sessionEvents, startCli, waitFor } from '../helpers/run-cli.js';

const scripts = join(repoRoot, 'test/cli/fixtures/scripts');
let repo: TempRepo;
let logDir: string;
let before: ReturnType<typeof checkoutState>;
let report: {
  sessionId: string;
  sessionDir: string;
  results: Array<{ processId: string; status: string; artifacts?: Record<string, unknown> }>;
};

// Two real claude processes against the mock model write the same file in --worktree mode.
beforeAll(async () => {
  repo = makeRepo();
  logDir = join(repo.sessionDir, 'logs');
  before = checkoutState(repo.root);
  const result = await runCli([
    'parallel',
    '--worktree',
    '--mock-script',
    join(scripts, 'write-two-colors.json'),
    '--cwd',
    repo.root,
    '--log-dir',
    logDir,
    '--json',
    'write red',
    'write blue',
    '--',
    '--allowedTools',
    'Write',
  ]);
  expect(result.code).toBe(0);
  report = JSON.parse(result.stdout);
});
afterAll(() => repo.cleanup());

describe('run commands with --worktree', () => {
  test('two claude processes writing the same file end up on two branches, the checkout untouched', () => {
    const [red, blue] = report.results;
    expect(red!.artifacts).toMatchObject({
      branch: `orchestrate/${report.sessionId}/process-001`,
      filesChanged: [{ path: 'notes.md', added: 1, removed: 0 }],
      patchFile: join(report.sessionDir, 'patches', 'process-001.patch'),
    });
    expect(gitIn(repo.root, 'show', `${red!.artifacts!.branch}:notes.md`)).toBe('red');
    expect(gitIn(repo.root, 'show', `${blue!.artifacts!.branch}:notes.md`)).toBe('blue');
    expect(gitIn(repo.root, 'log', '-1', '--format=%an: %s', String(blue!.artifacts!.branch))).toBe(
      'orchestrate: orchestrate: process-002: write blue',
    );
    expect(checkoutState(repo.root)).toEqual(before);
    expect(existsSync(join(repo.root, 'notes.md'))).toBe(false);
    // Released: the folders are gone, nothing is left locked.
    expect(readdirSync(join(report.sessionDir, 'worktrees'))).toEqual(['.gitignore']);
    expect(gitIn(repo.root, 'worktree', 'list')).not.toContain('orchestrate/');
  });

  test('sessions show lists each process with its branch and files changed', async () => {
    const shown = await runCli(['sessions', 'show', report.sessionId, '--log-dir', logDir]);
    expect(shown.stdout).toMatch(
      new RegExp(
        `process-001  orchestrate/${report.sessionId}/process-001  1 file changed, \\+1 -0`,
      ),
    );
    const json = JSON.parse(
      (await runCli(['sessions', 'show', report.sessionId, '--log-dir', logDir, '--json'])).stdout,
    );
    expect(json.processes[1].artifacts.filesChanged).toEqual([
      { path: 'notes.md', added: 1, removed: 0 },
    ]);
  });

  test('merge brings in one branch; the other conflicts, is aborted with its files named, exit 1', async () => {
    const merged = await runCli(['merge', report.sessionId, 'process-001', '--log-dir', logDir], {
      cwd: repo.root,
    });
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/^merged orchestrate\/.*\/process-001 into main/);
    expect(gitIn(repo.root, 'show', 'HEAD:notes.md')).toBe('red');
    const head = gitIn(repo.root, 'rev-parse', 'HEAD');
    const conflict = await runCli(
      ['merge', report.sessionId, 'process-002', '--squash', '--log-dir', logDir],
      { cwd: repo.root },
    );
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toMatch(/conflict: .*process-002 conflicts with main in notes\.md/);
    expect(conflict.stderr).toContain('\n  notes.md\n');
    expect(gitIn(repo.root, 'rev-parse', 'HEAD')).toBe(head);
    expect(gitIn(repo.root, 'status', '--porcelain')).toBe('');
    expect(
      gitIn(repo.root, 'rev-parse', '--verify', `orchestrate/${report.sessionId}/process-002`),
    ).toMatch(/^[0-9a-f]{40}$/);
  });

  test('a run killed mid-way leaves its worktree to prune, and prune saves the work done so far', async () => {
    const crashLogs = join(repo.sessionDir, 'crash-logs');
    const { child, done } = startCli(
      [
        'parallel',
        '--worktree',
        '--mock-script',
        join(scripts, 'write-then-hang.json'),
        '--cwd',
        repo.root,
        '--log-dir',
        crashLogs,
        'start the work',
        '--',
        '--allowedTools',
        'Write',
      ],
      { cwd: repo.root },
    );
    const partial = await waitFor(
      () => {
        if (!existsSync(crashLogs)) return undefined;
        const [session] = readdirSync(crashLogs);
        const file = session && join(crashLogs, session, 'worktrees', 'process-001', 'partial.md');
        return file && existsSync(file) ? file : undefined;
      },
      60_000,
      'the agent to write partial.md',
    );
    const sessionDir = join(crashLogs, readdirSync(crashLogs)[0]!);
    const claudePid = Number(
      sessionEvents(sessionDir).find((e) => e.kind === 'process-start')!.pid,
    );
    child.kill('SIGKILL');
    await done;
    if (pidAlive(claudePid)) process.kill(-claudePid, 'SIGKILL');
    const listed = await runCli(['worktrees', 'list', '--json'], { cwd: repo.root });
    const stale = JSON.parse(listed.stdout).find((e: { state: string }) => e.state === 'stale');
    expect(stale.path).toBe(join(sessionDir, 'worktrees', 'process-001'));
    const pruned = await runCli(['worktrees', 'prune'], { cwd: repo.root });
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toMatch(
      /^pruned .*process-001 \(stale\); branch .* kept, its leftovers committed/,
    );
    expect(existsSync(partial)).toBe(false);
    expect(gitIn(repo.root, 'show', `${stale.branch}:partial.md`)).toBe('the first half');
  });

  test('--worktree outside a git repository is a usage error that says how to fix it', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'orchestrate-plain-'));
    try {
      const result = await runCli(['parallel', '--worktree', '--mock-model', '--cwd', plain, 'x']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /is not inside a git repository.*git init.*leave out --worktree/,
      );
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  test('--base without --worktree is a usage error', async () => {
    const result = await runCli(['parallel', '--base', 'main', '--mock-model', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--base applies only with --worktree; add --worktree');
  });
});
