/**
 * A leased git worktree: made for one process on its own branch, locked with
 * the lease's owner while in use, and released exactly once. Release commits
 * whatever was left, records the artifacts, then unlocks and removes the folder
 * (or keeps it). The user's checkout, index and HEAD are never touched.
 */
import { join } from 'node:path';
import type { WorkspaceArtifacts } from '../process/result.js';
import { collectArtifacts } from './artifacts.js';
import { commitLeftovers, snapshotMessage } from './commit-leftovers.js';
import { WorkspaceError } from './errors.js';
import { gitWorktree } from './git-worktree.js';
import type { LeaseOwner } from './lease-owner.js';
import type { Repository } from './repository.js';

export interface ReleaseOptions {
  /** The task, for the snapshot commit's message. */
  task?: string;
  /** Keep the folder (unlocked) instead of removing it. */
  keep?: boolean;
  /**
   * False: leave out what changed since the last snapshot() (a check's build
   * output, say) and return that snapshot's artifacts. Default true.
   */
  commit?: boolean;
}

export interface WorktreeInit {
  repository: Repository;
  path: string;
  branch: string;
  baseCommit: string;
  owner: LeaseOwner;
  sessionDir: string;
  processId: string;
}

export class Worktree {
  readonly repository: Repository;
  /** The worktree's folder: the process runs here. */
  readonly path: string;
  readonly branch: string;
  readonly baseCommit: string;
  readonly owner: LeaseOwner;
  readonly processId: string;
  private readonly patchDir: string;
  private releasing: Promise<WorkspaceArtifacts> | null = null;
  private lastSnapshot: WorkspaceArtifacts | null = null;

  constructor(init: WorktreeInit) {
    this.repository = init.repository;
    this.path = init.path;
    this.branch = init.branch;
    this.baseCommit = init.baseCommit;
    this.owner = init.owner;
    this.processId = init.processId;
    this.patchDir = join(init.sessionDir, 'patches');
  }

  get released(): boolean {
    return this.releasing !== null;
  }

  /** Commits what is there now without ending the lease (e.g. before a check runs). */
  async snapshot(task?: string): Promise<WorkspaceArtifacts> {
    if (this.releasing) {
      throw new WorkspaceError(
        `The worktree of ${this.processId} was already released; its artifacts are in the result.`,
        'E_RELEASED',
      );
    }
    this.lastSnapshot = await this.commitAndCollect(task);
    return this.lastSnapshot;
  }

  /** Ends the lease; later calls return the same artifacts. */
  release(options: ReleaseOptions = {}): Promise<WorkspaceArtifacts> {
    this.releasing ??= this.finish(options);
    return this.releasing;
  }

  private async commitAndCollect(task?: string): Promise<WorkspaceArtifacts> {
    const { commit } = await commitLeftovers(this.path, snapshotMessage(this.processId, task));
    return collectArtifacts({
      dir: this.path,
      branch: this.branch,
      baseCommit: this.baseCommit,
      commit,
      patchDir: this.patchDir,
      name: this.processId,
    });
  }

  private async finish(options: ReleaseOptions): Promise<WorkspaceArtifacts> {
    // If the commit fails, the folder stays (locked) for `worktrees prune` to save.
    const artifacts =
      options.commit === false && this.lastSnapshot
        ? this.lastSnapshot
        : await this.commitAndCollect(options.task);
    const root = this.repository.root;
    await gitWorktree(root, ['unlock', this.path]);
    if (!options.keep) await gitWorktree(root, ['remove', '--force', this.path]);
    return artifacts;
  }
}
