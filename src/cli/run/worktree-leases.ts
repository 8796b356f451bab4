/**
 * --worktree for the run commands: before the processes are made, each gets
 * its own leased worktree (and runs in it); after the strategy ends, every
 * lease is released, so whatever each process left is committed on its branch
 * and its artifacts join its result. A process that never ran, and so
 * changed nothing, leaves no branch.
 */
import { join, relative } from 'node:path';
import type { ProcessResult } from '../../process/result.js';
import type { OrchestratorSession } from '../../session/orchestrator-session.js';
import { WorkspaceError } from '../../workspaces/errors.js';
import { git } from '../../workspaces/git.js';
import type { Worktree } from '../../workspaces/worktree.js';
import { CLIError, usageError } from '../errors.js';
import type { WorktreeConfig } from '../options/normalize-run-flags.js';
import type { PlannedProcess } from './plan.js';

export interface Lease {
  worktree: Worktree;
  prompt: string;
}

/** Names every planned process (process-001, ... as the session would) and leases its worktree. */
export async function leaseWorktrees(
  session: OrchestratorSession,
  planned: PlannedProcess[],
  config: WorktreeConfig,
  command: string,
): Promise<Map<string, Lease>> {
  const leases = new Map<string, Lease>();
  try {
    for (const [i, plan] of planned.entries()) {
      if (plan.workingDir !== undefined) {
        throw usageError(
          `a task with its own "cwd" cannot run in a worktree; drop "cwd" or --worktree`,
          command,
        );
      }
      plan.processId ??= `process-${String(i + 1).padStart(3, '0')}`;
      const worktree = await session.leaseWorktree(plan.processId, {
        ...(config.base === undefined ? {} : { base: config.base }),
        ...(config.root === undefined ? {} : { root: config.root }),
      });
      leases.set(plan.processId, { worktree, prompt: plan.prompt });
      // The agent starts in the same folder of the repository as --cwd.
      plan.workingDir = join(worktree.path, relative(worktree.repository.root, session.workingDir));
    }
  } catch (error) {
    await releaseWorktrees(session, leases, [], config);
    if (error instanceof WorkspaceError) throw new CLIError(error.message, 'E_USAGE', command);
    throw error;
  }
  return leases;
}

/** Releases every lease and puts the artifacts on the results (by process id). */
export async function releaseWorktrees<R extends ProcessResult>(
  session: OrchestratorSession,
  leases: Map<string, Lease>,
  results: R[],
  config: WorktreeConfig,
): Promise<R[]> {
  const ran = new Set(results.map((r) => r.processId));
  const artifacts = new Map<string, ProcessResult['artifacts']>();
  for (const [processId, { worktree, prompt }] of leases) {
    try {
      const made = await session.releaseWorktree(worktree, { task: prompt, keep: config.keep });
      if (ran.has(processId)) artifacts.set(processId, made);
      else if (made.commit === made.baseCommit && !config.keep) {
        // Never ran and changed nothing: no branch to keep.
        await git(worktree.repository.root, ['branch', '-D', worktree.branch]);
      }
    } catch (error) {
      session.log(
        `Could not release the worktree of ${processId} (${worktree.path}): ${(error as Error).message}; ` +
          '"orchestrate worktrees prune" saves its work later.',
        'ERROR',
      );
    }
  }
  return results.map((r) =>
    artifacts.has(r.processId) ? { ...r, artifacts: artifacts.get(r.processId) } : r,
  );
}
