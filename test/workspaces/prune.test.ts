import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireWorktree } from '../../src/workspaces/acquire.js';
import { listWorktrees } from '../../src/workspaces/list.js';
import { pruneWorktrees } from '../../src/workspaces/prune.js';
import { checkoutState, crashMidRun, gitIn, makeRepo, type TempRepo } from './support.js';

let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

describe('listWorktrees and pruneWorktrees', () => {
  it('a crash mid-run leaves a stale worktree that prune commits to its branch and removes', async () => {
    const before = checkoutState(repo.root);
    const path = await crashMidRun(repo);
    const [entry] = await listWorktrees(repo.root);
    expect(entry).toMatchObject({
      path,
      state: 'stale',
      branch: 'orchestrate/crashed_20261130_120000/p1',
      owner: { sessionId: 'crashed_20261130_120000', processId: 'p1' },
    });
    const report = await pruneWorktrees(repo.root);
    expect(report.pruned).toHaveLength(1);
    expect(report.pruned[0]!.saved).toBe(true);
    expect(existsSync(path)).toBe(false);
    const branch = entry!.branch!;
    expect(gitIn(repo.root, 'log', '--format=%s', `main..${branch}`)).toMatch(
      /^orchestrate: p1: work left by an ended run.*\nstep one$/,
    );
    expect(gitIn(repo.root, 'show', `${branch}:half-done.txt`)).toBe('step two, unfinished');
    expect(await listWorktrees(repo.root)).toEqual([]);
    expect(checkoutState(repo.root)).toEqual(before);
  });

  it('never touches a worktree whose orchestrator still runs', async () => {
    const worktree = await acquireWorktree({
      cwd: repo.root,
      sessionId: 'live_20261130_120000',
      processId: 'p1',
      sessionDir: repo.sessionDir,
    });
    writeFileSync(join(worktree.path, 'in-progress.txt'), 'still working\n');
    const report = await pruneWorktrees(repo.root, { kept: true });
    expect(report.pruned).toEqual([]);
    expect(report.skipped.map((e) => e.state)).toEqual(['live']);
    expect(existsSync(join(worktree.path, 'in-progress.txt'))).toBe(true);
    expect(gitIn(worktree.path, 'status', '--porcelain')).toBe('?? in-progress.txt');
    await worktree.release();
  });

  it('prunes kept worktrees only when asked', async () => {
    const worktree = await acquireWorktree({
      cwd: repo.root,
      sessionId: 'kept_20261130_120000',
      processId: 'p1',
      sessionDir: repo.sessionDir,
    });
    await worktree.release({ keep: true });
    expect((await pruneWorktrees(repo.root)).skipped.map((e) => e.state)).toEqual(['kept']);
    expect(existsSync(worktree.path)).toBe(true);
    expect((await pruneWorktrees(repo.root, { kept: true })).pruned).toHaveLength(1);
    expect(existsSync(worktree.path)).toBe(false);
  });

  it('lists a worktree whose folder was deleted as missing, and prune forgets it', async () => {
    const path = await crashMidRun(repo);
    gitIn(repo.root, 'worktree', 'unlock', path);
    gitIn(
      repo.root,
      'worktree',
      'lock',
      '--reason',
      'orchestrate lease pid=999999 start=1 session=s process=p1',
      path,
    );
    rmSync(path, { recursive: true, force: true });
    const [entry] = await listWorktrees(repo.root);
    expect(entry!.state).toBe('missing');
    const report = await pruneWorktrees(repo.root);
    expect(report.pruned.map((e) => e.commit)).toEqual([null]);
    expect(gitIn(repo.root, 'worktree', 'list')).not.toContain(path);
  });
});
