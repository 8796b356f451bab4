/** The cgroups a test's trees were given, found by the name prefix of their owner. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ownerToken } from '../../src/process/terminate/tree-marker.js';
import { candidates } from '../../src/process/watch/cgroup-layout.js';

/** Every cgroup folder whose name starts with `orchestrate.<owner>.` (this process's own by default). */
export function cgroupsOf(owner = ownerToken()): string[] {
  let parents: string[];
  try {
    const mountinfo = readFileSync('/proc/self/mountinfo', 'latin1');
    const own = readFileSync('/proc/self/cgroup', 'latin1');
    parents = [...new Set(candidates(mountinfo, own).map(({ host }) => host.dir))];
  } catch {
    return [];
  }
  return parents.flatMap((parent) => {
    try {
      return readdirSync(parent)
        .filter((name) => name.startsWith(`orchestrate.${owner}.`))
        .map((name) => join(parent, name));
    } catch {
      return [];
    }
  });
}
