/**
 * One scan of /proc for every watched process tree: each tick reads the
 * process table once and hands each watcher its tree's resident memory and
 * process count, so watching 128 agents costs one scan, not 128. The timer
 * runs only while something is watched, and never keeps the host alive. The
 * same timer calls the checks of trees the kernel limits (a cgroup's files).
 */
import { readFileSync } from 'node:fs';
import { processTable, treeMembers } from '../terminate/process-table.js';

export const SAMPLE_INTERVAL_MS = 250;

export interface TreeSample {
  rssBytes: number;
  processes: number;
}

type Watcher = (sample: TreeSample) => void;

const watchers = new Map<number, Set<Watcher>>();
let timer: NodeJS.Timeout | null = null;
let bytesPerPage: number | null = null;

/** The kernel's page size, from our own RSS in kB (status) and in pages (stat). */
export function pageSize(): number {
  if (bytesPerPage !== null) return bytesPerPage;
  bytesPerPage = 4096;
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'latin1'))?.[1]);
    const stat = readFileSync('/proc/self/stat', 'latin1');
    const pages = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[21]);
    if (kb > 0 && pages > 0) bytesPerPage = 2 ** Math.round(Math.log2((kb * 1024) / pages));
  } catch {
    // No /proc: keep the common size.
  }
  return bytesPerPage;
}

/** Called on every tick with no scan of their own (the cgroups' checks). */
const plain = new Set<() => void>();

function tick(): void {
  for (const check of plain) check();
  if (watchers.size === 0) return;
  const table = processTable();
  const size = pageSize();
  const byPid = new Map(table.map((entry) => [entry.pid, entry]));
  for (const [pgid, set] of watchers) {
    const members = treeMembers(pgid, table);
    let pages = 0;
    for (const pid of members) pages += byPid.get(pid)?.rssPages ?? 0;
    const sample = { rssBytes: pages * size, processes: members.length };
    for (const watcher of set) watcher(sample);
  }
}

function startTimer(): void {
  if (timer) return;
  timer = setInterval(tick, SAMPLE_INTERVAL_MS);
  timer.unref();
}

function stopTimerWhenIdle(): void {
  if (watchers.size === 0 && plain.size === 0 && timer) {
    clearInterval(timer);
    timer = null;
  }
}

/** Calls `watcher` with the tree of `pgid` every SAMPLE_INTERVAL_MS; returns the undo. */
export function watchTree(pgid: number, watcher: Watcher): () => void {
  let set = watchers.get(pgid);
  if (!set) watchers.set(pgid, (set = new Set()));
  set.add(watcher);
  startTimer();
  return () => {
    set.delete(watcher);
    if (set.size === 0) watchers.delete(pgid);
    stopTimerWhenIdle();
  };
}

/** Calls `check` every SAMPLE_INTERVAL_MS, on the same timer, without a scan; returns the undo. */
export function everySample(check: () => void): () => void {
  const own = () => check();
  plain.add(own);
  startTimer();
  return () => {
    plain.delete(own);
    stopTimerWhenIdle();
  };
}
