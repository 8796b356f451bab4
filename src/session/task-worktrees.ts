/**
 * The worktrees of a session's tasks (a spec's `workspace: 'worktree'`): one
 * is leased when a task's first try starts, kept across its tries, and
 * released when the task settles after its last try, so whatever it left is
 * committed on its branch and its artifacts join its result. A task that never
 * starts leases nothing and leaves no branch.
 */
import { join, relative } from 'node:path';
import type { LogLevel } from '../logging/logger.js';
import type { ProcessResult, WorkspaceArtifacts } from '../process/result.js';
import type { SettleOptions } from '../tasks/executor.js';
import type { TaskSpec } from '../tasks/task-spec.js';
import { worktreeRequest } from '../tasks/workspace.js';
import type { ReleaseOptions, Worktree } from '../workspaces/worktree.js';

/** What the leases need of their session. */
export interface WorktreeParts {
  readonly workingDir: string;
  leaseWorktree(
    processId: string,
    options: { cwd: string; base?: string; root?: string; continueBranch?: boolean },
  ): Promise<Worktree>;
  releaseWorktree(worktree: Worktree, options: ReleaseOptions): Promise<WorkspaceArtifacts>;
  log(message: string, level: LogLevel): void;
}

interface Lease {
  worktree: Worktree;
  /** The folder the task runs in: its `cwd`, inside the worktree. */
  folder: string;
  keep: boolean;
}

export class TaskWorktrees {
  /** By task id, from the first try until the task settles. */
  private readonly leases = new Map<string, Promise<Lease>>();

  constructor(private readonly session: WorktreeParts) {}

  /**
   * The folder a try of `spec` runs in: null for a shared task, else the same
   * folder of the repository as its `cwd` inside its worktree, leased on the
   * first call. Rejects (a WorkspaceError) when the worktree cannot be made.
   * `resumed`: the task ran in an earlier run of the session, so its branch
   * may exist: it is checked out again, its earlier commits kept.
   */
  async folder(spec: TaskSpec, resumed = false): Promise<string | null> {
    const request = worktreeRequest(spec);
    if (!request) return null;
    let lease = this.leases.get(spec.id);
    if (!lease) {
      const where = { ...request, ...(resumed ? { continueBranch: true } : {}) };
      lease = this.lease(spec.id, spec.cwd ?? this.session.workingDir, where);
      this.leases.set(spec.id, lease);
      // A lease that failed is not held: the next first try may lease again.
      lease.catch(() => this.leases.delete(spec.id));
    }
    return (await lease).folder;
  }

  private async lease(
    id: string,
    cwd: string,
    {
      keep,
      ...where
    }: NonNullable<ReturnType<typeof worktreeRequest>> & {
      continueBranch?: boolean;
    },
  ): Promise<Lease> {
    const worktree = await this.session.leaseWorktree(id, { cwd, ...where });
    return { worktree, folder: join(worktree.path, relative(worktree.repository.root, cwd)), keep };
  }

  /**
   * After the task's last try: runs `whileLeased` (its work committed first,
   * so what that leaves stays out), releases the worktree and adds its
   * artifacts to the result. The result as given for a task without one.
   */
  async settle(
    spec: TaskSpec,
    result: ProcessResult,
    options: SettleOptions = {},
  ): Promise<ProcessResult> {
    const pending = this.leases.get(spec.id);
    if (!pending) return result;
    this.leases.delete(spec.id);
    const { worktree, folder, keep } = await pending;
    const { whileLeased } = options;
    let artifacts: WorkspaceArtifacts | undefined;
    try {
      if (whileLeased) {
        await worktree.snapshot(spec.prompt);
        await whileLeased(folder, result);
      }
    } finally {
      try {
        artifacts = await this.session.releaseWorktree(worktree, {
          task: spec.prompt,
          keep,
          commit: !whileLeased,
        });
      } catch (error) {
        this.session.log(
          `Could not release the worktree of ${spec.id} (${worktree.path}): ${(error as Error).message}; ` +
            '"orchestrate worktrees prune" saves its work later.',
          'ERROR',
        );
      }
    }
    return artifacts ? { ...result, artifacts } : result;
  }
}
