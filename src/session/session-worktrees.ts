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

/** Where a session's worktree starts (`base`), lives (`root`), the folder it branches from (`cwd`, default the working dir), and whether an existing branch is continued (`continueBranch`, resume). */
export type SessionWorktreeOptions = Partial<
  Pick<WorktreeOptions, 'base' | 'root' | 'cwd' | 'continueBranch'>
>;

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
  const { cwd = session.workingDir, ...where } = options;
  return acquireWorktree({
    cwd,
    sessionId: session.sessionId,
    sessionDir: session.sessionDir,
    processId,
    ...where,
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
