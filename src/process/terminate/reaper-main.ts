/**
 * The reaper's program (see reaper.ts): `node reaper-main.js <owner>`. Waits
 * for its stdin to close, then ends every process marked with the owner's
 * token and every descendant of them: SIGTERM, SIGKILL to what is left after
 * a short grace, removes the cgroups the owner made for its trees (killing
 * whatever is still in them), then exits.
 */
import { processTable, treeMembers } from './process-table.js';
import { removeOwnedCgroups } from '../watch/task-cgroup.js';
import { scanMarked } from './tree-marker.js';

const GRACE_MS = 500;
const BOUND_MS = 1000;
const POLL_MS = 25;

const owner = process.argv[2];
if (!owner) {
  process.stderr.write('usage: reaper-main <owner-token>\n');
  process.exit(2);
}

// A terminal's Ctrl-C or hang-up is meant for the orchestrator, not for us.
for (const signal of ['SIGINT', 'SIGHUP', 'SIGQUIT', 'SIGPIPE'] as const) {
  process.on(signal, () => undefined);
}

/** Every living process of the owner's trees: the marked ones, their groups and descendants. */
function targets(): { pids: Set<number>; groups: Set<number> } {
  const marked = [...scanMarked(`${owner}/`).values()].flat();
  const table = processTable();
  const pids = new Set<number>();
  const groups = new Set<number>();
  for (const pid of marked) {
    pids.add(pid);
    const entry = table.find((e) => e.pid === pid);
    if (entry && entry.pgid === pid) groups.add(pid);
    for (const member of treeMembers(pid, table)) pids.add(member);
  }
  pids.delete(process.pid);
  return { pids, groups };
}

function signal(found: { pids: Set<number>; groups: Set<number> }, name: NodeJS.Signals): void {
  for (const group of found.groups) {
    try {
      process.kill(-group, name);
    } catch {
      // The group is empty.
    }
  }
  for (const pid of found.pids) {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (targets().pids.size === 0) return true;
    await sleep(POLL_MS);
  }
  return targets().pids.size === 0;
}

let reaping = false;
async function reap(): Promise<void> {
  if (reaping) return;
  reaping = true;
  const found = targets();
  if (found.pids.size > 0) {
    signal(found, 'SIGTERM');
    if (!(await until(GRACE_MS))) {
      signal(targets(), 'SIGKILL');
      await until(BOUND_MS);
    }
  }
  // The trees' cgroups (where the kernel held their limits), and anything still in them.
  await removeOwnedCgroups(owner!);
  process.exit(0);
}

process.stdin.on('data', () => undefined);
process.stdin.on('end', () => void reap());
process.stdin.on('close', () => void reap());
process.stdin.on('error', () => void reap());
