/**
 * Ends a whole process tree: SIGTERM to the process group and to every known
 * descendant, SIGKILL to whatever is left after the grace period, and resolves
 * once nothing of the tree is alive (or after a hard bound, so a caller never hangs).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { groupHasMembers, isAlive, treeMembers } from './process-table.js';

export interface KillTreeOptions {
  /** Time between SIGTERM and SIGKILL. */
  graceMs: number;
  /** How often to look whether the tree is gone. */
  pollMs?: number;
}

export interface KillTreeOutcome {
  /** True when SIGKILL had to be sent. */
  escalated: boolean;
  /** True when something was still alive at the hard bound. */
  survivors: number[];
}

function signalAll(pgid: number, pids: Iterable<number>, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group may already be empty.
  }
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

function remaining(pgid: number, known: Set<number>): number[] {
  for (const pid of treeMembers(pgid)) known.add(pid);
  const left = [...known].filter(isAlive);
  return groupHasMembers(pgid) ? [...new Set([...left, ...treeMembers(pgid)])] : left;
}

async function waitUntilGone(pgid: number, known: Set<number>, ms: number, pollMs: number) {
  const deadline = Date.now() + ms;
  let left = remaining(pgid, known);
  while (left.length > 0 && Date.now() < deadline) {
    await sleep(Math.min(pollMs, Math.max(1, deadline - Date.now())));
    left = remaining(pgid, known);
  }
  return left;
}

/** `pgid` is the pid of the group leader, spawned with its own process group. */
export async function killTree(pgid: number, options: KillTreeOptions): Promise<KillTreeOutcome> {
  const pollMs = options.pollMs ?? 10;
  const known = new Set([pgid, ...treeMembers(pgid)]);
  signalAll(pgid, known, 'SIGTERM');
  let left = await waitUntilGone(pgid, known, options.graceMs, pollMs);
  if (left.length === 0) return { escalated: false, survivors: [] };
  signalAll(pgid, left, 'SIGKILL');
  left = await waitUntilGone(pgid, known, 2000, pollMs);
  return { escalated: true, survivors: left };
}

/** After the leader exited on its own: end any descendant it left behind. */
export async function sweepGroup(
  pgid: number,
  graceMs: number,
  found?: (count: number) => void,
): Promise<KillTreeOutcome | null> {
  if (!groupHasMembers(pgid)) return null;
  found?.(treeMembers(pgid).length);
  return killTree(pgid, { graceMs });
}
