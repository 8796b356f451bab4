/**
 * --worktree for the run commands: each task's spec asks for a worktree of its
 * own (`workspace`), which the session's executor leases when the task's first
 * try starts and releases after its last. Checked first, before anything
 * runs: every task's folder is in a git repository with a commit to branch
 * from, so a bad setup is one usage error, not a failure per task.
 */
import type { TaskSpec } from '../../tasks/task-spec.js';
import { WorkspaceError } from '../../workspaces/errors.js';
import { locateRepository, resolveCommit } from '../../workspaces/repository.js';
import { CLIError } from '../errors.js';
import type { WorktreeConfig } from '../options/normalize-run-flags.js';

/** The spec's `workspace` for --worktree (with --base, --worktree-root, --keep-worktrees). */
export function worktreeWorkspace(config: WorktreeConfig): NonNullable<TaskSpec['workspace']> {
  if (config.base === undefined && config.root === undefined && !config.keep) return 'worktree';
  return {
    kind: 'worktree',
    ...(config.base === undefined ? {} : { base: config.base }),
    ...(config.root === undefined ? {} : { root: config.root }),
    ...(config.keep ? { keep: true } : {}),
  };
}

/** Every folder is inside a git repository where `base` (default HEAD) names a commit. */
export async function checkWorktreeFolders(
  folders: string[],
  config: WorktreeConfig,
  command: string,
): Promise<void> {
  for (const folder of new Set(folders)) {
    try {
      await resolveCommit(await locateRepository(folder), config.base);
    } catch (error) {
      if (error instanceof WorkspaceError) throw new CLIError(error.message, 'E_USAGE', command);
      throw error;
    }
  }
}
