import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireWorktree } from '../../src/workspaces/acquire.js';
import { listWorktrees } from '../../src/workspaces/list.js';
import { repoRoot } from '../helpers/fixtures.js';
import { gitIn, makeRepo, type TempRepo } from './support.js';

// Git reads every entry of .git/worktrees on each `git worktree` command; an
// entry another `add` has half made (its commondir created, not yet written)
// makes the command die with "failed to read .../commondir: Success".
let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
  delete process.env.HALF_MADE_COMMONDIR;
  repo.cleanup();
});

const lease = (processId: string) =>
  acquireWorktree({
    cwd: repo.root,
    sessionId: 'parallel_20261201_120000',
    processId,
    sessionDir: repo.sessionDir,
  });

/** What another process's `git worktree add` leaves for a moment: a gitdir and an empty commondir. */
function halfMadeEntry(): string {
  const entry = join(repo.root, '.git/worktrees/other');
  const folder = join(repo.sessionDir, 'other');
  mkdirSync(entry, { recursive: true });
  mkdirSync(folder);
  writeFileSync(join(entry, 'gitdir'), `${folder}/.git\n`);
  writeFileSync(join(entry, 'commondir'), '');
  return join(entry, 'commondir');
}

describe('git worktree commands in one repository', () => {
  it('a lease made while another process is half way through its own add waits and succeeds', async () => {
    const commondir = halfMadeEntry();
    expect(() => gitIn(repo.root, 'worktree', 'list')).toThrow(/failed to read/);
    // The other add finishes its entry right after our first try has failed.
    process.env.PATH = `${join(repoRoot, 'test/fixtures/git-finishing-the-other-add')}:${savedPath}`;
    process.env.HALF_MADE_COMMONDIR = commondir;
    const worktree = await lease('p1');
    expect(gitIn(worktree.path, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe(
      'orchestrate/parallel_20261201_120000/p1',
    );
    await worktree.release();
  });

  it('eight leases and releases at once in one process all succeed', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `p${i + 1}`);
    const worktrees = await Promise.all(ids.map(lease));
    expect((await listWorktrees(repo.root)).map((w) => w.state)).toEqual(ids.map(() => 'live'));
    await Promise.all(worktrees.map((w) => w.release()));
    expect(await listWorktrees(repo.root)).toEqual([]);
    expect(gitIn(repo.root, 'branch', '--list', 'orchestrate/*').split('\n')).toHaveLength(8);
  });
});
