import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { crashMidRun, gitIn, makeRepo, type TempRepo } from '../../workspaces/support.js';
import { runCli } from '../helpers/run-cli.js';

let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

describe('orchestrate worktrees', () => {
  test("list shows a dead run's worktree as stale with its branch and path", async () => {
    const path = await crashMidRun(repo);
    const result = await runCli(['worktrees', 'list', '--cwd', repo.root]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^STATE +BRANCH +OWNER +PATH$/);
    expect(lines[1]).toMatch(
      new RegExp(`^stale +orchestrate/crashed_20261130_120000/p1 +pid \\d+ +${path}$`),
    );
  });

  test('prune commits what the dead run left on its branch and removes the folder', async () => {
    const path = await crashMidRun(repo);
    const result = await runCli(['worktrees', 'prune', '--json'], { cwd: repo.root });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.pruned).toHaveLength(1);
    expect(report.pruned[0]).toMatchObject({ path, state: 'stale', saved: true });
    expect(existsSync(path)).toBe(false);
    const branch = 'orchestrate/crashed_20261130_120000/p1';
    expect(gitIn(repo.root, 'show', `${branch}:half-done.txt`)).toBe('step two, unfinished');
    const again = await runCli(['worktrees', 'prune'], { cwd: repo.root });
    expect(again.stdout).toBe('Nothing to prune.\n');
  });

  test('outside a git repository it says so and how to fix it, exit 1', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'orchestrate-plain-'));
    try {
      const result = await runCli(['worktrees', 'list'], { cwd: plain });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/is not inside a git repository.*git init/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
