/**
 * A session's git worktrees: one leased per process on branch
 * `orchestrate/<session>/<process>` from the session's working dir
 * (docs/worktrees.md), and its artifacts recorded when it is released.
 */
import type { EventDraft } from '../events/types.js';
import type { WorkspaceArtifacts } from '../process/result.js';
import { acquireWorktree } from '../workspaces/acquire.js';
import type { WorktreeOptions } from '../workspaces/options.js';
import type { ReleaseOptions, Worktree } from '../workspaces/worktree.js';

/** Where a session's worktree starts (`base`) and lives (`root`). */
export type SessionWorktreeOptions = Pick<WorktreeOptions, 'base' | 'root'>;

export interface WorktreeSession {
  readonly sessionId: string;
  readonly sessionDir: string;
  readonly workingDir: string;
}

export function leaseSessionWorktree(
  session: WorktreeSession,
  processId: string,
  options: SessionWorktreeOptions,
): Promise<Worktree> {
  return acquireWorktree({
    cwd: session.workingDir,
    sessionId: session.sessionId,
    sessionDir: session.sessionDir,
    processId,
    ...options,
  });
}

/** Releases the worktree and records its artifacts (an 'artifacts' record). */
export async function releaseSessionWorktree(
  worktree: Worktree,
  options: ReleaseOptions,
  record: (draft: EventDraft) => void,
): Promise<WorkspaceArtifacts> {
  const artifacts = await worktree.release(options);
  record({ kind: 'artifacts', processId: worktree.processId, ...artifacts });
  return artifacts;
}
