/** A spec's `workspace` as the worktree it asks for, or null when it runs in its `cwd`. */
import type { TaskSpec, WorktreeSpec } from './task-spec.js';

export type WorktreeRequest = Omit<WorktreeSpec, 'kind' | 'keep'> & { keep: boolean };

export function worktreeRequest(spec: TaskSpec): WorktreeRequest | null {
  const { workspace } = spec;
  if (workspace === undefined || workspace === 'shared') return null;
  if (workspace === 'worktree') return { keep: false };
  const { kind: _kind, keep, ...where } = workspace;
  return { ...where, keep: keep === true };
}
