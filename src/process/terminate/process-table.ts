/**
 * Reads the Linux process table (/proc) to find a process group's members and a
 * process's descendants, including those that left the group with setsid.
 * On systems without /proc these return empty lists and the group signal alone
 * does the work.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessEntry {
  pid: number;
  ppid: number;
  pgid: number;
  state: string;
  /** Resident set size in pages (see pageSize() in watch/tree-sampler). */
  rssPages: number;
}

function readEntry(pid: number): ProcessEntry | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name (field 2) is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      pid,
      state: fields[0] ?? '?',
      ppid: Number(fields[1]),
      pgid: Number(fields[2]),
      rssPages: Number(fields[21]) || 0,
    };
  } catch {
    return null;
  }
}

export function processTable(): ProcessEntry[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const entries: ProcessEntry[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const entry = readEntry(pid);
    if (entry) entries.push(entry);
  }
  return entries;
}

/** A reading of the process table and when it began (performance.now()). */
export interface TableScan {
  at: number;
  table: ProcessEntry[];
}

let latest: TableScan | null = null;

/**
 * A reading of the process table begun after `since` (a performance.now()
 * time): the latest one when it qualifies, else a new one. Trees ended
 * together (a Ctrl-C with 128 agents) share scans instead of reading /proc
 * once per tree. A scan from before `since` is never reused: it may predate a
 * tree (then the tree looks gone while it runs) or a signal's effect.
 */
export function scanAfter(since: number): TableScan {
  if (latest && latest.at > since) return latest;
  const at = performance.now();
  latest = { at, table: processTable() };
  return latest;
}

/** Living (not zombie) members of the group, and every descendant of `rootPid`. */
export function treeMembers(rootPid: number, table = processTable()): number[] {
  const alive = table.filter((entry) => entry.state !== 'Z');
  const members = new Set(alive.filter((entry) => entry.pgid === rootPid).map((e) => e.pid));
  const frontier = [rootPid, ...members];
  while (frontier.length > 0) {
    const parent = frontier.pop();
    for (const entry of alive) {
      if (entry.ppid === parent && !members.has(entry.pid)) {
        members.add(entry.pid);
        frontier.push(entry.pid);
      }
    }
  }
  return [...members];
}

/**
 * Node's own binding under process.kill: it returns the error number instead of
 * throwing. A normal exit asks once whether the group is gone, and the answer
 * is nearly always "no such process": the ErrnoException process.kill builds
 * for it (with its stack) cost 0.04-0.07 ms of a quick run's CPU.
 */
const rawKill = (process as unknown as { _kill?: (pid: number, signal: number) => number })._kill;

/** True when a signal could be sent to `pid` (negative: a group), without sending one. */
export function canSignal(pid: number): boolean {
  // Anything but an integer goes the checked way (it throws: not a process).
  if (typeof rawKill === 'function' && Number.isInteger(pid))
    return rawKill.call(process, pid, 0) === 0;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True while the pid exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  if (!canSignal(pid)) return false;
  const entry = readEntry(pid);
  return entry === null ? true : entry.state !== 'Z';
}

/**
 * Right after SIGSTOP to its group: true when the process turned out to be
 * exiting on its own (a zombie, or gone), false once it is stopped. A process
 * already inside exit() does not stop; until the stop or the exit lands its
 * state reads as running, so this looks again for up to `boundMs`.
 */
export async function exitedBeforeStop(pid: number, boundMs = 100): Promise<boolean> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    const state = readEntry(pid)?.state;
    if (state === undefined) return false; // no /proc: it answered, so it lives
    if (state === 'Z' || state === 'X') return true;
    if (state === 'T' || state === 't' || Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Cheap check first (one syscall); the /proc scan only when the group still answers. */
export function groupHasMembers(pgid: number): boolean {
  if (!canSignal(-pgid)) return false;
  const table = processTable();
  // Without /proc, the group's answer is all there is (zombies included).
  return table.length === 0 || treeMembers(pgid, table).length > 0;
}

/** The start time of a running pid, or null when it is gone (or /proc is not there). */
export function processStartTicks(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return null;
  }
  // Fields after the command name (which may hold spaces) start at field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z') return null;
  const ticks = Number(fields[19]);
  return Number.isFinite(ticks) ? ticks : null;
}
