import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireWorktree } from '../../src/workspaces/acquire.js';
import { parseLeaseReason } from '../../src/workspaces/lease-owner.js';
import { listWorktrees } from '../../src/workspaces/list.js';
import { checkoutState, gitIn, makeRepo, type TempRepo } from './support.js';

let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

const lease = (processId: string, extra: { base?: string; root?: string } = {}) =>
  acquireWorktree({
    cwd: repo.root,
    sessionId: 'parallel_20261130_120000',
    processId,
    sessionDir: repo.sessionDir,
    ...extra,
  });

describe('acquireWorktree', () => {
  it('checks out a new branch orchestrate/<session>/<process> from HEAD under the session folder', async () => {
    const head = gitIn(repo.root, 'rev-parse', 'HEAD');
    const worktree = await lease('p1');
    expect(worktree.path).toBe(join(repo.sessionDir, 'worktrees', 'p1'));
    expect(worktree.branch).toBe('orchestrate/parallel_20261130_120000/p1');
    expect(worktree.baseCommit).toBe(head);
    expect(gitIn(worktree.path, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe(worktree.branch);
    expect(readFileSync(join(worktree.path, 'README.md'), 'utf8')).toBe('hello\n');
    await worktree.release();
  });

  it('locks the worktree with a reason naming this orchestrator, the session and the process', async () => {
    const worktree = await lease('p1');
    const [entry] = await listWorktrees(repo.root);
    expect(entry!.state).toBe('live');
    expect(parseLeaseReason(entry!.lockReason)).toMatchObject({
      pid: process.pid,
      sessionId: 'parallel_20261130_120000',
      processId: 'p1',
    });
    expect(() => gitIn(repo.root, 'worktree', 'remove', '--force', worktree.path)).toThrow(
      /locked/,
    );
    await worktree.release();
  });

  it('starts from the base ref when one is given', async () => {
    const first = gitIn(repo.root, 'rev-parse', 'HEAD');
    writeFileSync(join(repo.root, 'README.md'), 'changed\n');
    gitIn(repo.root, 'commit', '--quiet', '-am', 'second');
    const worktree = await lease('p1', { base: 'HEAD~1' });
    expect(worktree.baseCommit).toBe(first);
    expect(readFileSync(join(worktree.path, 'README.md'), 'utf8')).toBe('hello\n');
    await worktree.release();
  });

  it('puts worktrees under a configured root, one folder per session', async () => {
    const root = join(repo.sessionDir, '..', 'elsewhere');
    const worktree = await lease('p1', { root });
    expect(worktree.path).toBe(join(root, 'parallel_20261130_120000', 'p1'));
    expect(existsSync(join(worktree.path, 'README.md'))).toBe(true);
    await worktree.release();
  });

  it('leaves the user checkout, its index and its HEAD exactly as they were', async () => {
    writeFileSync(join(repo.root, 'README.md'), 'uncommitted edit\n');
    writeFileSync(join(repo.root, 'staged.txt'), 'staged\n');
    gitIn(repo.root, 'add', 'staged.txt');
    writeFileSync(join(repo.root, 'untracked.txt'), 'untracked\n');
    const before = checkoutState(repo.root);
    const worktree = await lease('p1');
    writeFileSync(join(worktree.path, 'README.md'), 'agent edit\n');
    await worktree.release();
    expect(checkoutState(repo.root)).toEqual(before);
    expect(readFileSync(join(repo.root, 'README.md'), 'utf8')).toBe('uncommitted edit\n');
  });

  it('refuses a folder outside a git repository and says how to fix it', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'orchestrate-plain-'));
    try {
      await expect(
        acquireWorktree({ cwd: plain, sessionId: 's', processId: 'p1', sessionDir: plain }),
      ).rejects.toThrow(/is not inside a git repository.*git init.*leave out --worktree/s);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it('refuses a repository with no commit yet and says to commit once', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'orchestrate-empty-'));
    try {
      gitIn(empty, 'init', '--quiet');
      await expect(
        acquireWorktree({ cwd: empty, sessionId: 's', processId: 'p1', sessionDir: empty }),
      ).rejects.toThrow(/has no commit yet.*Commit once/s);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('refuses a base that names no commit', async () => {
    await expect(lease('p1', { base: 'no-such-branch' })).rejects.toThrow(
      /`base` "no-such-branch" names no commit/,
    );
  });

  it('never reuses a branch or a folder that already exists', async () => {
    const worktree = await lease('p1');
    await expect(lease('p1')).rejects.toThrow(/never reused/);
    await worktree.release();
    // Released: the folder is gone but the branch holds the work, so it is still not reused.
    await expect(lease('p1')).rejects.toThrow(/branch .* already exists.*never reused/);
  });

  it('names the option when a process id cannot name a folder', async () => {
    await expect(lease('a/b')).rejects.toThrow(/Invalid `processId` `"a\/b"` \(string\)/);
  });
});
