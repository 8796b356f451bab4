/**
 * The worktrees orchestrate made in a repository, read from
 * `git worktree list --porcelain`, each with the state of its lease:
 * live (its orchestrator runs), stale (its orchestrator is gone), kept
 * (released with keep), or missing (its folder was deleted).
 */
import { existsSync } from 'node:fs';
import { gitWorktree } from './git-worktree.js';
import { leaseIsLive, parseLeaseReason, type LeaseOwner } from './lease-owner.js';
import { locateRepository } from './repository.js';

export type WorktreeState = 'live' | 'stale' | 'kept' | 'missing';

export interface WorktreeEntry {
  path: string;
  /** The branch without refs/heads/, or null when detached. */
  branch: string | null;
  head: string | null;
  state: WorktreeState;
  /** Who leased it, read from the lock reason (null when unlocked). */
  owner: LeaseOwner | null;
  lockReason: string | null;
}

const BRANCH_PREFIX = 'refs/heads/orchestrate/';

interface RawEntry {
  path: string;
  head: string | null;
  branch: string | null;
  locked: string | null;
  prunable: boolean;
}

export function parseWorktreeList(porcelain: string): RawEntry[] {
  const entries: RawEntry[] = [];
  for (const block of porcelain.split('\n\n')) {
    const lines = block.split('\n').filter(Boolean);
    const first = lines[0];
    if (!first?.startsWith('worktree ')) continue;
    const entry: RawEntry = {
      path: first.slice('worktree '.length),
      head: null,
      branch: null,
      locked: null,
      prunable: false,
    };
    for (const line of lines.slice(1)) {
      if (line.startsWith('HEAD ')) entry.head = line.slice(5);
      else if (line.startsWith('branch ')) entry.branch = line.slice(7);
      else if (line === 'locked' || line.startsWith('locked ')) entry.locked = line.slice(7);
      else if (line === 'prunable' || line.startsWith('prunable ')) entry.prunable = true;
    }
    entries.push(entry);
  }
  return entries;
}

function stateOf(entry: RawEntry, owner: LeaseOwner | null): WorktreeState {
  if (owner && leaseIsLive(owner)) return 'live';
  if (entry.prunable || !existsSync(entry.path)) return 'missing';
  return entry.locked === null ? 'kept' : 'stale';
}

/** orchestrate's worktrees of the repository that holds `cwd`. */
export async function listWorktrees(cwd: string): Promise<WorktreeEntry[]> {
  const repository = await locateRepository(cwd);
  const out = await gitWorktree(repository.root, ['list', '--porcelain']);
  return parseWorktreeList(out)
    .map((entry) => ({ entry, owner: parseLeaseReason(entry.locked) }))
    .filter(({ entry, owner }) => owner !== null || entry.branch?.startsWith(BRANCH_PREFIX))
    .map(({ entry, owner }) => ({
      path: entry.path,
      branch: entry.branch?.replace(/^refs\/heads\//, '') ?? null,
      head: entry.head,
      state: stateOf(entry, owner),
      owner,
      lockReason: entry.locked,
    }));
}
