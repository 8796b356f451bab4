/**
 * Leases a new worktree: a new branch `orchestrate/<session>/<process>` from
 * HEAD (or `base`), checked out in its own folder outside the user's checkout,
 * created and locked in one git command so no other run can take it. With
 * `continueBranch`, a branch that exists already (a resumed task's) is checked
 * out again, its earlier commits kept; its base is where it left `base`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkspaceError } from './errors.js';
import { git, GitError, gitMaybe } from './git.js';
import { gitWorktree } from './git-worktree.js';
import { leaseReason, ownLease } from './lease-owner.js';
import { normalizeWorktreeOptions, type WorktreeOptions } from './options.js';
import { locateRepository, resolveCommit } from './repository.js';
import { Worktree } from './worktree.js';

export async function acquireWorktree(options: WorktreeOptions): Promise<Worktree> {
  const o = normalizeWorktreeOptions(options);
  const repository = await locateRepository(o.cwd);
  const baseAsked = await resolveCommit(repository, o.base);
  if ((await gitMaybe(repository.root, ['check-ref-format', '--branch', o.branch])) === null) {
    throw new WorkspaceError(
      `${JSON.stringify(o.branch)} is not a valid branch name: use a process id of letters, digits, dots, dashes or underscores.`,
      'E_CREATE',
    );
  }
  prepareParent(o.parent, o.underSession);
  if (existsSync(o.path)) {
    throw new WorkspaceError(
      o.continueBranch
        ? `The worktree folder ${o.path} of the earlier run is still there (kept): ` +
            `remove it (git worktree remove ${o.path}; its work is on ${o.branch}) and resume again.`
        : `The worktree folder ${o.path} already exists: a worktree is never reused. Use a new process id or session.`,
      'E_CREATE',
    );
  }
  const owner = ownLease(o.sessionId, o.processId);
  const ref = ['rev-parse', '--verify', '--quiet', `refs/heads/${o.branch}`];
  const tip = o.continueBranch ? (await gitMaybe(repository.root, ref))?.trim() || null : null;
  // Its earlier commits are the task's work: the base is where the branch left `base`.
  const forkPoint = tip ? await gitMaybe(repository.root, ['merge-base', tip, baseAsked]) : null;
  const baseCommit = forkPoint?.trim() || baseAsked;
  // The branch first, on its own: a `worktree add` that git has to try again
  // (see git-worktree.ts) must not find the branch made by its first try.
  if (!tip) {
    try {
      await git(repository.root, ['branch', '--no-track', o.branch, baseCommit]);
    } catch (error) {
      throw createError(error, o.processId, o.branch);
    }
  }
  const args = ['add', '--quiet', '--lock', '--reason', leaseReason(owner), o.path, o.branch];
  try {
    await gitWorktree(repository.root, args);
  } catch (error) {
    // A branch made here goes; a continued one keeps its work.
    if (!tip) await gitMaybe(repository.root, ['branch', '--delete', '--force', o.branch]);
    throw createError(error, o.processId, o.branch);
  }
  return new Worktree({
    repository,
    path: o.path,
    branch: o.branch,
    baseCommit,
    owner,
    sessionDir: o.sessionDir,
    processId: o.processId,
  });
}

function createError(error: unknown, processId: string, branch: string): unknown {
  if (!(error instanceof GitError)) return error;
  return new WorkspaceError(
    /already exists/.test(error.stderr)
      ? `The branch ${branch} already exists: a worktree branch is never reused. ` +
          'Merge or delete it (git branch -D), or use a new session.'
      : `Cannot create a worktree for ${processId}: ${error.message}`,
    'E_CREATE',
  );
}

/** Makes the folder; under the session folder it also gets a .gitignore, so a checkout that holds the session never shows the worktrees. */
function prepareParent(parent: string, underSession: boolean): void {
  try {
    mkdirSync(parent, { recursive: true });
    const ignore = join(parent, '.gitignore');
    if (underSession && !existsSync(ignore)) writeFileSync(ignore, '*\n');
  } catch (error) {
    throw new WorkspaceError(
      `Cannot create the worktree folder ${parent}: ${(error as Error).message}`,
      'E_CREATE',
    );
  }
}
