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

/** Reading every environ takes tens of ms on a busy machine: one scan serves every caller for a while. */
const SCAN_REUSE_MS = 100;
let lastScan: {
  at: number;
  prefix: string;
  byMarker: Map<string, number[]>;
  thisTurn: boolean;
} | null = null;

/** Every living process whose marker starts with `prefix`, grouped by marker value. */
export function scanMarked(prefix: string, maxAgeMs = SCAN_REUSE_MS): Map<string, number[]> {
  const now = Date.now();
  // Trees cancelled together (one turn of the loop) share one scan, however long it took.
  const fresh = lastScan && (lastScan.thisTurn || now - lastScan.at <= maxAgeMs);
  if (lastScan && lastScan.prefix === prefix && fresh) {
    return lastScan.byMarker;
  }
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
    const at = environ.indexOf(needle);
    if (at < 0) continue;
    const start = at + needle.length - prefix.length;
    const end = environ.indexOf('\0', start);
    const value = environ.slice(start, end < 0 ? undefined : end);
    byMarker.set(value, [...(byMarker.get(value) ?? []), pid]);
  }
  const scan = { at: now, prefix, byMarker, thisTurn: true };
  lastScan = scan;
  setImmediate(() => (scan.thisTurn = false)).unref();
  return byMarker;
}

/** The processes that carry exactly this marker (a fresh scan unless one is recent). */
export function markedProcesses(marker: string, maxAgeMs?: number): number[] {
  const prefix = marker.slice(0, marker.lastIndexOf('/') + 1);
  return scanMarked(prefix, maxAgeMs).get(marker) ?? [];
}
