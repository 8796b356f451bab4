import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceArtifacts } from '../../src/process/result.js';
import { acquireWorktree } from '../../src/workspaces/acquire.js';
import { mergeArtifact } from '../../src/workspaces/merge.js';
import { fixture } from '../helpers/fixtures.js';
import { checkoutState, gitIn, makeRepo, type TempRepo } from './support.js';

let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

/** A worktree run that appends `line` to `file`, released: its artifacts. */
async function appendRun(
  processId: string,
  file: string,
  line: string,
): Promise<WorkspaceArtifacts> {
  const worktree = await acquireWorktree({
    cwd: repo.root,
    sessionId: 'parallel_20261130_120000',
    processId,
    sessionDir: repo.sessionDir,
  });
  execFileSync(fixture('append-line-to-file'), [file, line], { cwd: worktree.path });
  return worktree.release({ task: `append ${line}` });
}

describe('mergeArtifact', () => {
  it("merges a run's branch into the checked-out branch", async () => {
    const artifacts = await appendRun('p1', 'README.md', 'from p1');
    const outcome = await mergeArtifact({ processId: 'p1', artifacts }, { cwd: repo.root });
    expect(outcome).toMatchObject({ status: 'merged', conflicts: [], squash: false });
    expect(outcome.message).toBe(`merged ${artifacts.branch} into main`);
    expect(readFileSync(join(repo.root, 'README.md'), 'utf8')).toBe('hello\nfrom p1\n');
    expect(gitIn(repo.root, 'rev-parse', 'HEAD')).toBe(outcome.head);
    expect(gitIn(repo.root, 'merge-base', '--is-ancestor', artifacts.commit, 'HEAD')).toBe('');
  });

  it('squashes the branch into one new commit when asked', async () => {
    const artifacts = await appendRun('p1', 'notes.txt', 'new file');
    const before = gitIn(repo.root, 'rev-parse', 'HEAD');
    const outcome = await mergeArtifact({ artifacts }, { cwd: repo.root, squash: true });
    expect(outcome.status).toBe('merged');
    expect(gitIn(repo.root, 'rev-parse', 'HEAD~1')).toBe(before);
    expect(gitIn(repo.root, 'log', '-1', '--format=%s')).toBe(
      `Squash ${artifacts.branch} (orchestrate)`,
    );
    expect(gitIn(repo.root, 'status', '--porcelain')).toBe('');
    expect(readFileSync(join(repo.root, 'notes.txt'), 'utf8')).toBe('new file\n');
  });

  it('reports a conflict with its files, aborts, and leaves HEAD, the checkout and the branch as they were', async () => {
    const one = await appendRun('p1', 'README.md', 'from p1');
    const two = await appendRun('p2', 'README.md', 'from p2');
    await mergeArtifact({ artifacts: one }, { cwd: repo.root });
    const before = checkoutState(repo.root);
    for (const squash of [false, true]) {
      const outcome = await mergeArtifact({ artifacts: two }, { cwd: repo.root, squash });
      expect(outcome).toMatchObject({ status: 'conflict', conflicts: ['README.md'] });
      expect(outcome.head).toBe(before.head);
      expect(outcome.message).toMatch(/conflicts with main in README\.md; the merge was aborted/);
      expect(checkoutState(repo.root)).toEqual(before);
      expect(gitIn(repo.root, 'rev-parse', two.branch)).toBe(two.commit);
    }
  });

  it('says when there is nothing left to merge', async () => {
    const artifacts = await appendRun('p1', 'README.md', 'again');
    await mergeArtifact({ artifacts }, { cwd: repo.root });
    const outcome = await mergeArtifact({ artifacts }, { cwd: repo.root });
    expect(outcome.status).toBe('up-to-date');
  });

  it('refuses a checkout with uncommitted changes and says to commit or stash', async () => {
    const artifacts = await appendRun('p1', 'README.md', 'x');
    writeFileSync(join(repo.root, 'src/app.txt'), 'edited by the user\n');
    await expect(mergeArtifact({ artifacts }, { cwd: repo.root })).rejects.toThrow(
      /uncommitted changes.*commit or stash/,
    );
    expect(readFileSync(join(repo.root, 'src/app.txt'), 'utf8')).toBe('edited by the user\n');
  });

  it('refuses a result without artifacts', async () => {
    await expect(mergeArtifact({ processId: 'p9' }, { cwd: repo.root })).rejects.toThrow(
      /p9 has no artifacts: only a run in its own worktree/,
    );
  });
});
