/**
 * Sweeps the worktrees of dead sessions: whatever a stale worktree holds is
 * committed on its branch first (nothing is lost), then the folder is removed.
 * A live lease is never touched; kept worktrees only when asked.
 */
import { commitLeftovers } from './commit-leftovers.js';
import { gitWorktree } from './git-worktree.js';
import { listWorktrees, type WorktreeEntry } from './list.js';
import { locateRepository } from './repository.js';

export interface PruneOptions {
  /** Also remove worktrees released with keep. */
  kept?: boolean;
}

export interface PrunedWorktree extends WorktreeEntry {
  /** The branch's commit after saving what was left, or null when the folder was gone. */
  commit: string | null;
  /** True when leftovers were committed. */
  saved: boolean;
}

export interface PruneReport {
  pruned: PrunedWorktree[];
  /** Worktrees left alone because their session still runs (or kept, without `kept`). */
  skipped: WorktreeEntry[];
}

export async function pruneWorktrees(
  cwd: string,
  options: PruneOptions = {},
): Promise<PruneReport> {
  const repository = await locateRepository(cwd);
  const entries = await listWorktrees(repository.root);
  const pruned: PrunedWorktree[] = [];
  const skipped: WorktreeEntry[] = [];
  for (const entry of entries) {
    const sweep =
      entry.state === 'stale' ||
      entry.state === 'missing' ||
      (entry.state === 'kept' && options.kept === true);
    if (!sweep) {
      skipped.push(entry);
      continue;
    }
    pruned.push(await sweepOne(repository.root, entry));
  }
  await gitWorktree(repository.root, ['prune']);
  return { pruned, skipped };
}

async function sweepOne(root: string, entry: WorktreeEntry): Promise<PrunedWorktree> {
  if (entry.lockReason !== null) await gitWorktree(root, ['unlock', entry.path]);
  if (entry.state === 'missing') return { ...entry, commit: null, saved: false };
  const who = entry.owner
    ? `${entry.owner.processId} (session ${entry.owner.sessionId})`
    : (entry.branch ?? entry.path);
  const { commit, committed } = await commitLeftovers(
    entry.path,
    `orchestrate: ${entry.owner?.processId ?? 'worktree'}: work left by an ended run of ${who}, saved by prune\n`,
  );
  await gitWorktree(root, ['remove', '--force', entry.path]);
  return { ...entry, commit, saved: committed };
}
