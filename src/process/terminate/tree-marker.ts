/**
 * Every agent tree carries a marker in its environment, ORCHESTRATE_TREE=<owner>/<n>:
 * `<owner>` is unique to this orchestrator process and `<n>` to the tree. A
 * descendant inherits it even after it leaves the process group and its parent
 * (setsid, a double fork), so the tree can still be found by reading
 * /proc/<pid>/environ: by the kill of one tree, and by the reaper when this
 * process dies.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

export const TREE_MARKER_VARIABLE = 'ORCHESTRATE_TREE';

const owner = `${process.pid}.${randomBytes(6).toString('hex')}`;
let serial = 0;

/** The part of every marker this process hands out. */
export function ownerToken(): string {
  return owner;
}

/** A new marker value for one tree. */
export function newTreeMarker(): string {
  serial += 1;
  return `${owner}/${serial}`;
}

/**
 * Reading every environ takes tens of ms on a busy machine: trees ended
 * together share one scan. A scan is reused only when it began after `since`
 * (a performance.now() time): an older one may predate the tree it is asked about.
 */
let lastScan: { at: number; prefix: string; byMarker: Map<string, number[]> } | null = null;

/** Every living process whose marker starts with `prefix`, grouped by marker value. */
export function scanMarked(prefix: string, since = performance.now()): Map<string, number[]> {
  if (lastScan && lastScan.prefix === prefix && lastScan.at > since) return lastScan.byMarker;
  const at = performance.now();
  const needle = `\0${TREE_MARKER_VARIABLE}=${prefix}`;
  const byMarker = new Map<string, number[]>();
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return byMarker; // no /proc: the process groups are all there is
  }
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let environ: string;
    try {
      environ = `\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}`;
    } catch {
      continue; // gone, or not ours to read
    }
    const found = environ.indexOf(needle);
    if (found < 0) continue;
    const start = found + needle.length - prefix.length;
    const end = environ.indexOf('\0', start);
    const value = environ.slice(start, end < 0 ? undefined : end);
    byMarker.set(value, [...(byMarker.get(value) ?? []), pid]);
  }
  lastScan = { at, prefix, byMarker };
  return byMarker;
}

/** The processes that carry exactly this marker, from a scan begun after `since`. */
export function markedProcesses(marker: string, since?: number): number[] {
  const prefix = marker.slice(0, marker.lastIndexOf('/') + 1);
  return scanMarked(prefix, since).get(marker) ?? [];
}
