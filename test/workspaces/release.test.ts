import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireWorktree } from '../../src/workspaces/acquire.js';
import { listWorktrees } from '../../src/workspaces/list.js';
import { fixture } from '../helpers/fixtures.js';
import { gitIn, makeRepo, type TempRepo } from './support.js';

let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

const lease = (processId: string) =>
  acquireWorktree({
    cwd: repo.root,
    sessionId: 'parallel_20261130_120000',
    processId,
    sessionDir: repo.sessionDir,
  });

describe('Worktree.release', () => {
  it('commits changed, deleted and new files on the branch as orchestrate, with the task in the message', async () => {
    const worktree = await lease('p1');
    writeFileSync(join(worktree.path, 'README.md'), 'hello\nworld\n');
    rmSync(join(worktree.path, 'src/app.txt'));
    mkdirSync(join(worktree.path, 'new'));
    writeFileSync(join(worktree.path, 'new/file.txt'), 'fresh\n');
    const artifacts = await worktree.release({ task: 'Add a greeting\nand more' });
    const branch = worktree.branch;
    expect(gitIn(repo.root, 'log', '-1', '--format=%an <%ae>', branch)).toBe(
      'orchestrate <orchestrate@localhost>',
    );
    expect(gitIn(repo.root, 'log', '-1', '--format=%s', branch)).toBe(
      'orchestrate: p1: Add a greeting',
    );
    expect(gitIn(repo.root, 'show', `${branch}:new/file.txt`)).toBe('fresh');
    expect(gitIn(repo.root, 'ls-tree', '-r', '--name-only', branch)).toBe(
      'README.md\nnew/file.txt',
    );
    expect(artifacts.commit).toBe(gitIn(repo.root, 'rev-parse', branch));
    expect(artifacts.filesChanged).toEqual([
      { path: 'README.md', added: 1, removed: 0 },
      { path: 'new/file.txt', added: 1, removed: 0 },
      { path: 'src/app.txt', added: 0, removed: 3 },
    ]);
  });

  it('saves a patch in the session folder that recreates the work on the base', async () => {
    const worktree = await lease('p1');
    execFileSync(fixture('append-line-to-file'), ['README.md', 'appended'], { cwd: worktree.path });
    const artifacts = await worktree.release();
    expect(artifacts.patchFile).toBe(join(repo.sessionDir, 'patches', 'p1.patch'));
    gitIn(repo.root, 'switch', '--quiet', '--detach', artifacts.baseCommit);
    gitIn(repo.root, 'apply', artifacts.patchFile);
    expect(readFileSync(join(repo.root, 'README.md'), 'utf8')).toBe('hello\nappended\n');
  });

  it('removes the folder and the lock, and keeps the branch', async () => {
    const worktree = await lease('p1');
    await worktree.release();
    expect(existsSync(worktree.path)).toBe(false);
    expect(await listWorktrees(repo.root)).toEqual([]);
    expect(gitIn(repo.root, 'branch', '--list', 'orchestrate/*')).toContain(worktree.branch);
  });

  it('keeps the folder, unlocked, when asked', async () => {
    const worktree = await lease('p1');
    writeFileSync(join(worktree.path, 'kept.txt'), 'kept\n');
    await worktree.release({ keep: true });
    expect(readFileSync(join(worktree.path, 'kept.txt'), 'utf8')).toBe('kept\n');
    const [entry] = await listWorktrees(repo.root);
    expect(entry).toMatchObject({ path: worktree.path, state: 'kept', lockReason: null });
  });

  it('keeps commits the agent made itself and commits what it left on top', async () => {
    const worktree = await lease('p1');
    writeFileSync(join(worktree.path, 'a.txt'), 'a\n');
    gitIn(worktree.path, 'add', 'a.txt');
    gitIn(worktree.path, 'commit', '--quiet', '-m', 'agent commit');
    writeFileSync(join(worktree.path, 'b.txt'), 'b\n');
    const artifacts = await worktree.release();
    expect(
      gitIn(repo.root, 'log', '--format=%s', `${artifacts.baseCommit}..${artifacts.commit}`),
    ).toBe('orchestrate: p1\nagent commit');
    expect(artifacts.filesChanged.map((f) => f.path)).toEqual(['a.txt', 'b.txt']);
  });

  it('makes no commit when nothing changed', async () => {
    const worktree = await lease('p1');
    const artifacts = await worktree.release();
    expect(artifacts.commit).toBe(artifacts.baseCommit);
    expect(artifacts.filesChanged).toEqual([]);
    expect(readFileSync(artifacts.patchFile, 'utf8')).toBe('');
  });

  it('returns the same artifacts when released twice', async () => {
    const worktree = await lease('p1');
    writeFileSync(join(worktree.path, 'x.txt'), 'x\n');
    const [a, b] = await Promise.all([worktree.release(), worktree.release()]);
    expect(b).toBe(a);
    expect(worktree.released).toBe(true);
  });

  it('leaves out what changed after the last snapshot when told not to commit', async () => {
    const worktree = await lease('p1');
    writeFileSync(join(worktree.path, 'work.txt'), 'work\n');
    const snapshot = await worktree.snapshot('the task');
    writeFileSync(join(worktree.path, 'build-output.txt'), 'made by a check\n');
    const artifacts = await worktree.release({ commit: false });
    expect(artifacts).toEqual(snapshot);
    expect(gitIn(repo.root, 'ls-tree', '-r', '--name-only', worktree.branch)).not.toContain(
      'build-output.txt',
    );
    await expect(worktree.snapshot()).rejects.toThrow(/already released/);
  });

  it('two worktrees editing the same file end up on two branches', async () => {
    const [one, two] = await Promise.all([lease('p1'), lease('p2')]);
    execFileSync(fixture('append-line-to-file'), ['README.md', 'from one'], { cwd: one.path });
    execFileSync(fixture('append-line-to-file'), ['README.md', 'from two'], { cwd: two.path });
    const [a, b] = await Promise.all([one.release(), two.release()]);
    expect(gitIn(repo.root, 'show', `${a.branch}:README.md`)).toBe('hello\nfrom one');
    expect(gitIn(repo.root, 'show', `${b.branch}:README.md`)).toBe('hello\nfrom two');
    expect(readFileSync(join(repo.root, 'README.md'), 'utf8')).toBe('hello\n');
  });
});
