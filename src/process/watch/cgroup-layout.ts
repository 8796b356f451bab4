/**
 * Where this process's own cgroups are, and the two layouts their files come
 * in. cgroup v2 (one unified hierarchy: `memory.max`, `pids.max`,
 * `memory.peak`, `memory.events`) is used for a controller it offers; cgroup
 * v1 (one hierarchy per controller: `memory.limit_in_bytes`, `pids.max`,
 * `memory.max_usage_in_bytes`, `memory.oom_control`) otherwise. A controller
 * counts as usable only when a cgroup can really be made under ours and has
 * that controller's files (probed once per process: mkdir, look, rmdir).
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Controller = 'memory' | 'pids';

export interface CgroupLayout {
  version: 1 | 2;
  /** The file a controller's limit is written to. */
  limit: Record<Controller, string>;
  /** Where swap is held to the memory limit (v1: memory plus swap; v2: no swap), when it exists. */
  swap: { file: string; value: (limit: number) => string };
  /** The highest memory use seen, in bytes. */
  memoryPeak: string;
  /** A `key value` file whose `oom_kill` counts the processes the kernel killed for memory. */
  memoryEvents: string;
}

const V1: CgroupLayout = {
  version: 1,
  limit: { memory: 'memory.limit_in_bytes', pids: 'pids.max' },
  swap: { file: 'memory.memsw.limit_in_bytes', value: (limit) => String(limit) },
  memoryPeak: 'memory.max_usage_in_bytes',
  memoryEvents: 'memory.oom_control',
};

const V2: CgroupLayout = {
  version: 2,
  limit: { memory: 'memory.max', pids: 'pids.max' },
  swap: { file: 'memory.swap.max', value: () => '0' },
  memoryPeak: 'memory.peak',
  memoryEvents: 'memory.events',
};

/** Our own cgroup in the hierarchy that has `controller`, with the layout of its files. */
export interface HostCgroup {
  layout: CgroupLayout;
  /** Our cgroup's folder: task cgroups are made inside it. */
  dir: string;
}

/** `\040` in a mount point is a space. */
const unescape = (path: string) =>
  path.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

interface Mount {
  root: string;
  point: string;
  version: 1 | 2;
  controllers: string[];
}

function mounts(mountinfo: string): Mount[] {
  const found: Mount[] = [];
  for (const line of mountinfo.split('\n')) {
    const [before, after] = line.split(' - ');
    if (!before || !after) continue;
    const fields = before.split(' ');
    const [type, , options = ''] = after.split(' ');
    if (type !== 'cgroup' && type !== 'cgroup2') continue;
    found.push({
      root: unescape(fields[3] ?? '/'),
      point: unescape(fields[4] ?? ''),
      version: type === 'cgroup2' ? 2 : 1,
      controllers: options.split(','),
    });
  }
  return found;
}

/** The folder of cgroup `path` under `mount`, or null when the mount does not show it. */
function folder(mount: Mount, path: string): string | null {
  if (mount.root === '/') return join(mount.point, path);
  if (path === mount.root || path.startsWith(`${mount.root}/`))
    return join(mount.point, path.slice(mount.root.length));
  return null;
}

/** Where each controller can be used from our own cgroups, v2 before v1 (no probe). */
export function candidates(
  mountinfo: string,
  ownCgroups: string,
): Array<{ controller: Controller; host: HostCgroup }> {
  const lines = ownCgroups
    .split('\n')
    .map((line) => /^(\d+):([^:]*):(.*)$/.exec(line))
    .filter((match) => match !== null);
  const all = mounts(mountinfo);
  const found: Array<{ controller: Controller; host: HostCgroup }> = [];
  for (const controller of ['memory', 'pids'] as const) {
    const unified = lines.find((match) => match[1] === '0' && match[2] === '');
    const v2 = all.find((mount) => mount.version === 2);
    const v2Dir = unified && v2 ? folder(v2, unified[3]!) : null;
    if (v2Dir && offers(v2Dir, controller))
      found.push({ controller, host: { layout: V2, dir: v2Dir } });
    const own = lines.find((match) => match[2]!.split(',').includes(controller));
    const v1 = all.find((mount) => mount.version === 1 && mount.controllers.includes(controller));
    const v1Dir = own && v1 ? folder(v1, own[3]!) : null;
    if (v1Dir) found.push({ controller, host: { layout: V1, dir: v1Dir } });
  }
  return found;
}

/** Whether our v2 cgroup hands `controller` to the cgroups made in it (enabling it when we may). */
function offers(dir: string, controller: Controller): boolean {
  const enabled = () => read(join(dir, 'cgroup.subtree_control'))?.split(/\s+/) ?? [];
  if (enabled().includes(controller)) return true;
  if (!(read(join(dir, 'cgroup.controllers'))?.split(/\s+/) ?? []).includes(controller))
    return false;
  try {
    // Refused (EBUSY) while our cgroup holds processes itself, unless it is the root.
    writeFileSync(join(dir, 'cgroup.subtree_control'), `+${controller}`);
  } catch {
    return false;
  }
  return enabled().includes(controller);
}

function read(file: string): string | null {
  try {
    return readFileSync(file, 'latin1').trim();
  } catch {
    return null;
  }
}

/** True when a cgroup made in `host` has `controller`'s limit file: mkdir, look, rmdir. */
function usable(host: HostCgroup, controller: Controller, probeName: string): boolean {
  const probe = join(host.dir, probeName);
  try {
    mkdirSync(probe);
  } catch {
    return false;
  }
  try {
    return existsSync(join(probe, host.layout.limit[controller]));
  } finally {
    try {
      rmdirSync(probe);
    } catch {
      // Left for the reaper's sweep of our names.
    }
  }
}

let probed: Partial<Record<Controller, HostCgroup>> | null = null;

/** For each controller, the cgroup of ours that task cgroups can be made in (probed once). */
export function hostCgroups(probeName: string): Partial<Record<Controller, HostCgroup>> {
  if (probed) return probed;
  probed = {};
  const mountinfo = read('/proc/self/mountinfo');
  const own = read('/proc/self/cgroup');
  if (mountinfo === null || own === null || !existsSync('/bin/sh')) return probed;
  for (const { controller, host } of candidates(mountinfo, own)) {
    if (!probed[controller] && usable(host, controller, probeName)) probed[controller] = host;
  }
  return probed;
}
