/** The workspace layer's error: what went wrong with a repository or worktree, and the fix. */
export type WorkspaceErrorCode =
  /** The folder is not inside a git repository. */
  | 'E_NOT_A_REPO'
  /** The repository has no commit to branch from, or `base` names none. */
  | 'E_NO_BASE'
  /** The worktree could not be created (its branch or folder exists, git refused). */
  | 'E_CREATE'
  /** The worktree was used after it was released. */
  | 'E_RELEASED'
  /** A merge was asked for a result without artifacts, or a branch that does not exist. */
  | 'E_NO_BRANCH'
  /** The checkout to merge into has uncommitted changes. */
  | 'E_DIRTY';

export class WorkspaceError extends Error {
  constructor(
    message: string,
    readonly code: WorkspaceErrorCode,
  ) {
    super(message);
    this.name = 'WorkspaceError';
  }
}
