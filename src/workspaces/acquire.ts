/**
 * Leases a new worktree: a new branch `orchestrate/<session>/<process>` from
 * HEAD (or `base`), checked out in its own folder outside the user's checkout,
 * created and locked in one git command so no other run can take it.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkspaceError } from './errors.js';
import { GitError, git, gitMaybe } from './git.js';
import { leaseReason, ownLease } from './lease-owner.js';
import { normalizeWorktreeOptions, type WorktreeOptions } from './options.js';
import { locateRepository, resolveCommit } from './repository.js';
import { Worktree } from './worktree.js';

export async function acquireWorktree(options: WorktreeOptions): Promise<Worktree> {
  const o = normalizeWorktreeOptions(options);
  const repository = await locateRepository(o.cwd);
  const baseCommit = await resolveCommit(repository, o.base);
  if ((await gitMaybe(repository.root, ['check-ref-format', '--branch', o.branch])) === null) {
    throw new WorkspaceError(
      `${JSON.stringify(o.branch)} is not a valid branch name: use a process id of letters, digits, dots, dashes or underscores.`,
      'E_CREATE',
    );
  }
  prepareParent(o.parent, o.underSession);
  if (existsSync(o.path)) {
    throw new WorkspaceError(
      `The worktree folder ${o.path} already exists: a worktree is never reused. Use a new process id or session.`,
      'E_CREATE',
    );
  }
  const owner = ownLease(o.sessionId, o.processId);
  const args = ['worktree', 'add', '--quiet', '--lock', '--reason', leaseReason(owner)];
  try {
    await git(repository.root, [...args, '-b', o.branch, o.path, baseCommit]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const exists = /already exists/.test(error.stderr);
    throw new WorkspaceError(
      exists
        ? `The branch ${o.branch} already exists: a worktree branch is never reused. ` +
            'Merge or delete it (git branch -D), or use a new session.'
        : `Cannot create a worktree for ${o.processId}: ${error.message}`,
      'E_CREATE',
    );
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
