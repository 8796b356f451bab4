/**
 * Merges a worktree run's branch into the branch checked out at `cwd`
 * (optionally squashed into one commit). A conflict is reported with the
 * conflicting files and the merge is aborted: the checkout is clean again,
 * HEAD has not moved, and the run's branch is kept.
 */
import type { WorkspaceArtifacts } from '../process/result.js';
import { WorkspaceError } from './errors.js';
import { GitError, git, gitMaybe } from './git.js';
import { locateRepository } from './repository.js';

export interface MergeOptions {
  /** A folder of the checkout to merge into (its current branch receives the work). */
  cwd: string;
  /** One new commit with the branch's changes instead of a merge. */
  squash?: boolean;
}

export type MergeStatus = 'merged' | 'up-to-date' | 'conflict';

export interface MergeOutcome {
  status: MergeStatus;
  branch: string;
  squash: boolean;
  /** HEAD after the merge (unchanged after a conflict). */
  head: string;
  /** HEAD before the merge. */
  previousHead: string;
  /** The files both sides changed, for a conflict. */
  conflicts: string[];
  /** In words: "merged orchestrate/s/p1 into main", "conflict in README.md; merge aborted". */
  message: string;
}

/** Merges a result's worktree branch; a result without artifacts is an error. */
export async function mergeArtifact(
  result: { processId?: string; artifacts?: WorkspaceArtifacts | null },
  options: MergeOptions,
): Promise<MergeOutcome> {
  if (!result?.artifacts?.branch) {
    const who = result?.processId ? `${result.processId} ` : '';
    throw new WorkspaceError(
      `The result of ${who}has no artifacts: only a run in its own worktree (--worktree) has a branch to merge.`,
      'E_NO_BRANCH',
    );
  }
  return mergeBranch(result.artifacts.branch, options);
}

export async function mergeBranch(branch: string, options: MergeOptions): Promise<MergeOutcome> {
  const squash = options.squash === true;
  const { root } = await locateRepository(options.cwd);
  if (
    (await gitMaybe(root, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`])) === null
  ) {
    throw new WorkspaceError(
      `There is no branch ${branch} in ${root}: was the process run with --worktree, and is the branch still there? ` +
        "git branch --list 'orchestrate/*' lists them.",
      'E_NO_BRANCH',
    );
  }
  await assertClean(root);
  const previousHead = (await git(root, ['rev-parse', 'HEAD'])).trim();
  const into =
    (await gitMaybe(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']))?.trim() ?? 'HEAD';
  const base = { branch, squash, previousHead };
  try {
    if (squash) await git(root, ['merge', '--squash', branch]);
    else await git(root, ['merge', '--no-edit', '-m', `Merge ${branch} (orchestrate)`, branch]);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const conflicts = (await git(root, ['diff', '--name-only', '--diff-filter=U']))
      .split('\n')
      .filter(Boolean);
    await abort(root, squash);
    if (conflicts.length === 0) throw error;
    return {
      ...base,
      status: 'conflict',
      head: previousHead,
      conflicts,
      message: `${branch} conflicts with ${into} in ${conflicts.join(', ')}; the merge was aborted, the branch is kept`,
    };
  }
  if (squash && (await gitMaybe(root, ['diff', '--cached', '--quiet'])) === null) {
    await git(root, ['commit', '--quiet', '--no-edit', '-m', `Squash ${branch} (orchestrate)`]);
  }
  const head = (await git(root, ['rev-parse', 'HEAD'])).trim();
  const moved = head !== previousHead;
  return {
    ...base,
    status: moved ? 'merged' : 'up-to-date',
    head,
    conflicts: [],
    message: moved
      ? `${squash ? 'squashed' : 'merged'} ${branch} into ${into}`
      : `${into} already has everything on ${branch}`,
  };
}

/** Tracked changes would mix with the merge (and an abort would lose them): refuse first. */
async function assertClean(root: string): Promise<void> {
  const status = await git(root, ['status', '--porcelain', '--untracked-files=no']);
  if (status.trim()) {
    throw new WorkspaceError(
      `The checkout at ${root} has uncommitted changes (${status.trim().split('\n').length} files): ` +
        'commit or stash them first (git stash), then merge.',
      'E_DIRTY',
    );
  }
}

async function abort(root: string, squash: boolean): Promise<void> {
  // A squash leaves no MERGE_HEAD, so `merge --abort` cannot undo it; `reset --merge` can.
  if (squash) await git(root, ['reset', '--merge']);
  else await git(root, ['merge', '--abort']);
}
