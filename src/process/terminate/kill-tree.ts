/**
 * Ends a whole process tree: SIGTERM to the process group and to every known
 * descendant, SIGKILL to whatever is left after the grace period, and resolves
 * once nothing of the tree is alive (or after a hard bound, so a caller never hangs).
 */
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import {
  exitedBeforeStop,
  groupHasMembers,
  isAlive,
  scanAfter,
  treeMembers,
  type ProcessEntry,
  type TableScan,
} from './process-table.js';
import { markedProcesses } from './tree-marker.js';

export interface KillTreeOptions {
  /** Time between SIGTERM and SIGKILL. */
  graceMs: number;
  /** How often to look whether the tree is gone. */
  pollMs?: number;
  /** The tree's ORCHESTRATE_TREE value: finds members that left the group and their parent (a daemon). */
  marker?: string;
  /**
   * Wait (up to 100 ms) for the stop to land before telling whether the leader
   * exited first: a clock that fired as the child was already inside exit()
   * must not take its outcome. Only a timeout needs it; other ends signal at once.
   */
  settle?: boolean;
}

export interface KillTreeOutcome {
  /** True when SIGKILL had to be sent. */
  escalated: boolean;
  /** True when something was still alive at the hard bound. */
  survivors: number[];
  /**
   * True when the leader had already exited on its own (a zombie) when the
   * group was frozen: the run ended before any signal of ours reached it.
   */
  exitedFirst?: boolean;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group may already be empty.
  }
}

function signalPids(pids: Iterable<number>, signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

function signalAll(pgid: number, pids: Iterable<number>, signal: NodeJS.Signals): void {
  signalGroup(pgid, signal);
  signalPids(pids, signal);
}

/** What of the tree is still alive in `table`; adds what it finds of the tree to `known`. */
function remaining(pgid: number, known: Set<number>, table: ProcessEntry[]): number[] {
  // Stryker disable next-line ArrayDeclaration: runs only without /proc (not Linux), where the tests never run.
  if (table.length === 0) return groupHasMembers(pgid) ? [pgid] : []; // no /proc: the group alone
  for (const pid of treeMembers(pgid, table)) known.add(pid);
  const living = table.filter((entry) => entry.state !== 'Z');
  const alive = new Set(living.map((entry) => entry.pid));
  // Whatever a living member outside the group (an escaped daemon) has started since.
  for (let grew = true; grew;) {
    grew = false;
    for (const entry of living) {
      if (!known.has(entry.pid) && known.has(entry.ppid) && alive.has(entry.ppid)) {
        known.add(entry.pid);
        // Stryker disable next-line BooleanLiteral: /proc lists pids in ascending order, so one pass finds a child's children unless pids wrapped around.
        grew = true;
      }
    }
  }
  return [...known].filter((pid) => alive.has(pid));
}

/**
 * Polls until nothing of the tree is alive or `ms` passed, starting from
 * `first` (a scan begun after the tree was frozen: one from before may
 * predate the tree). Each later look reads a scan begun after the previous
 * one, shared with the other trees being ended. A scan from before a signal
 * only shows more alive than there is, so it costs a poll, never a survivor.
 */
async function waitUntilGone(
  pgid: number,
  known: Set<number>,
  ms: number,
  pollMs: number,
  first: TableScan,
): Promise<{ left: number[]; scan: TableScan }> {
  const deadline = Date.now() + ms;
  let scan = first;
  let left = remaining(pgid, known, scan.table);
  while (left.length > 0 && Date.now() < deadline) {
    // Let signals, exits and redraws through between scans (a scan takes a few ms).
    await yieldToLoop();
    // Stryker disable next-line MethodExpression,ArithmeticOperator: only how soon the next look comes (at most pollMs late).
    const untilDeadline = Math.max(1, deadline - Date.now());
    await sleep(Math.min(pollMs, untilDeadline));
    scan = scanAfter(scan.at);
    left = remaining(pgid, known, scan.table);
  }
  return { left, scan };
}

/** `pgid` is the pid of the group leader, spawned with its own process group. */
export async function killTree(pgid: number, options: KillTreeOptions): Promise<KillTreeOutcome> {
  // Stryker disable next-line LogicalOperator: an undefined poll interval makes each poll wait 1 ms: only more looks.
  const pollMs = options.pollMs ?? 20;
  // Freeze the group while /proc is read: a scan takes milliseconds on a busy
  // machine, long enough for a child to finish on its own after we decided,
  // or for a leader that dies to leave its setsid descendants re-parented
  // out of our sight. Stopped, nothing of the group can do either.
  signalGroup(pgid, 'SIGSTOP');
  const stoppedAt = performance.now();
  const exitedFirst = options.settle ? await exitedBeforeStop(pgid) : !isAlive(pgid);
  // Trees ended in one turn (a Ctrl-C) are all frozen by now: one scan after
  // the last stop serves them all. A scan from before this stop may predate the tree.
  await yieldToLoop();
  const frozen = scanAfter(stoppedAt);
  const { table } = frozen;
  // Stryker disable next-line ArrayDeclaration: a pid that is not a number is never alive, and signalling it throws into the catch.
  const marked = (since: number) => (options.marker ? markedProcesses(options.marker, since) : []);
  const known = new Set([pgid, ...treeMembers(pgid, table), ...marked(stoppedAt)]);
  // The group, the descendants that left it (setsid) and the marked ones that left the tree (a
  // daemon); the group's signal waits for SIGCONT.
  // A member of the frozen group is stopped: a second SIGTERM by pid merges with the group's (standard signals do not queue).
  // Stryker disable next-line ArrowFunction: an empty inGroup only sends that second SIGTERM.
  const inGroup = new Set(table.filter((entry) => entry.pgid === pgid).map((entry) => entry.pid));
  // Stryker disable next-line StringLiteral: process.kill's empty signal is its default, SIGTERM.
  signalGroup(pgid, 'SIGTERM');
  // Stryker disable next-line MethodExpression: SIGTERM by pid to the group's members too is that second SIGTERM.
  const outside = [...known].filter((pid) => !inGroup.has(pid));
  // Stryker disable next-line StringLiteral: process.kill's empty signal is its default, SIGTERM.
  signalPids(outside, 'SIGTERM');
  const termAt = performance.now();
  signalGroup(pgid, 'SIGCONT');
  const grace = await waitUntilGone(pgid, known, options.graceMs, pollMs, frozen);
  if (grace.left.length === 0) return { escalated: false, survivors: [], exitedFirst };
  // A daemon may have left the tree during the grace: markers read after the SIGTERM.
  const daemons = marked(termAt);
  for (const pid of daemons) known.add(pid);
  signalAll(pgid, new Set([...remaining(pgid, known, grace.scan.table), ...daemons]), 'SIGKILL');
  const killed = await waitUntilGone(pgid, known, 2000, pollMs, grace.scan);
  return { escalated: true, survivors: killed.left, exitedFirst };
}

/** After the leader exited on its own: end any descendant it left behind. */
export async function sweepGroup(
  pgid: number,
  graceMs: number,
  found?: (count: number) => void,
  marker?: string,
): Promise<KillTreeOutcome | null> {
  if (!groupHasMembers(pgid)) return null;
  found?.(treeMembers(pgid).length);
  return killTree(pgid, { graceMs, ...(marker ? { marker } : {}) });
}
