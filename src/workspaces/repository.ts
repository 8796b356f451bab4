/**
 * Finds the git repository a folder belongs to and checks that a worktree can
 * branch from it: inside a repository, with a commit to start from.
 */
import { resolve } from 'node:path';
import { WorkspaceError } from './errors.js';
import { gitMaybe } from './git.js';

export interface Repository {
  /** The top folder of the checkout that holds `cwd`. */
  root: string;
  /** The repository's shared git folder (the same for every worktree of it). */
  commonDir: string;
}

export async function locateRepository(cwd: string): Promise<Repository> {
  const dir = resolve(cwd);
  const out = await gitMaybe(dir, ['rev-parse', '--show-toplevel', '--git-common-dir']);
  if (out === null) {
    throw new WorkspaceError(
      `${dir} is not inside a git repository, so it cannot have worktrees. ` +
        'Run `git init && git add -A && git commit -m init` there, run from a repository (--cwd), ' +
        'or leave out --worktree to run in the folder itself.',
      'E_NOT_A_REPO',
    );
  }
  const [root, commonDir] = out.trimEnd().split('\n');
  if (!root) {
    throw new WorkspaceError(
      `${dir} is inside a git folder but not in a checkout (a bare repository?): run from a checkout.`,
      'E_NOT_A_REPO',
    );
  }
  return { root, commonDir: resolve(dir, commonDir ?? '.git') };
}

/** The full commit id `ref` names (default HEAD), or an error that says how to get one. */
export async function resolveCommit(repo: Repository, ref = 'HEAD'): Promise<string> {
  const out = await gitMaybe(repo.root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (out !== null && out.trim()) return out.trim();
  if (ref === 'HEAD') {
    throw new WorkspaceError(
      `The repository at ${repo.root} has no commit yet, so a worktree has nothing to start from. ` +
        'Commit once (git add -A && git commit -m init) or pass a base ref.',
      'E_NO_BASE',
    );
  }
  throw new WorkspaceError(
    `\`base\` ${JSON.stringify(ref)} names no commit in ${repo.root}. ` +
      'Pass a branch, tag or commit id that exists (git branch -a lists the branches).',
    'E_NO_BASE',
  );
}

/** The branch HEAD is on (refs/heads/... without the prefix), or null when detached. */
export async function currentBranch(cwd: string): Promise<string | null> {
  const out = await gitMaybe(cwd, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  return out === null ? null : out.trim() || null;
}
