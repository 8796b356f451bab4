/**
 * One tree's cgroups: made before its agent starts (the agent enters them
 * before it execs, see spawn/spawn-child.ts), holding the kernel's limits,
 * read for what the kernel did (an OOM kill, refused forks, the peaks), and
 * removed once the tree has ended. They are named `orchestrate.<owner>.<n>`
 * (owner: this process's token), so the reaper removes what a SIGKILLed host
 * left behind (removeOwnedCgroups). Under cgroup v1 memory and pids are two
 * folders; under v2 one.
 */
import { mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ownerToken } from '../terminate/tree-marker.js';
import {
  candidates,
  hostCgroups,
  type CgroupLayout,
  type Controller,
  type HostCgroup,
} from './cgroup-layout.js';

export interface CgroupLimits {
  memoryLimitBytes: number | null;
  maxProcesses: number | null;
}

const REMOVE_BOUND_MS = 2000;
const REMOVE_POLL_MS = 20;

let serial = 0;

/** The controllers our cgroups can limit here (probed once): what `limits` asks of them. */
export function cgroupControllers(limits: CgroupLimits): Controller[] {
  const hosts = hostCgroups(`orchestrate.${ownerToken()}.probe`);
  const wanted: Controller[] = [];
  if (limits.memoryLimitBytes !== null && hosts.memory) wanted.push('memory');
  if (limits.maxProcesses !== null && hosts.pids) wanted.push('pids');
  return wanted;
}

/** The cgroup version that limits `controllers` (the same for both on every platform we know). */
export function cgroupVersion(controllers: Controller[]): 1 | 2 {
  const hosts = hostCgroups(`orchestrate.${ownerToken()}.probe`);
  return controllers.some((controller) => hosts[controller]?.layout.version === 2) ? 2 : 1;
}

function keyValue(text: string | null, key: string): number {
  const match = text === null ? null : new RegExp(`^${key} (\\d+)$`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

function read(file: string): string | null {
  try {
    return readFileSync(file, 'latin1');
  } catch {
    return null;
  }
}

export class TaskCgroup {
  private constructor(
    /** The folder of each controller it limits (one folder for both under v2). */
    private readonly folders: Partial<Record<Controller, { dir: string; layout: CgroupLayout }>>,
  ) {}

  /** Makes the cgroups for `controllers` with `limits` set; throws, in words, when it cannot. */
  static create(controllers: Controller[], limits: CgroupLimits): TaskCgroup {
    const hosts = hostCgroups(`orchestrate.${ownerToken()}.probe`);
    serial += 1;
    const name = `orchestrate.${ownerToken()}.${serial}`;
    const folders: Partial<Record<Controller, { dir: string; layout: CgroupLayout }>> = {};
    for (const controller of controllers) {
      const host = hosts[controller] as HostCgroup;
      folders[controller] = { dir: join(host.dir, name), layout: host.layout };
    }
    const cgroup = new TaskCgroup(folders);
    try {
      for (const dir of cgroup.dirs()) mkdirSync(dir);
      const { memory, pids } = folders;
      if (memory && limits.memoryLimitBytes !== null) {
        writeFileSync(
          join(memory.dir, memory.layout.limit.memory),
          String(limits.memoryLimitBytes),
        );
        const swap = memory.layout.swap;
        try {
          writeFileSync(join(memory.dir, swap.file), swap.value(limits.memoryLimitBytes));
        } catch {
          // No swap accounting: there is no swap to hold to the limit, or it is not counted.
        }
      }
      if (pids && limits.maxProcesses !== null)
        writeFileSync(join(pids.dir, pids.layout.limit.pids), String(limits.maxProcesses));
    } catch (error) {
      cgroup.removeNow();
      throw new Error(`could not make its cgroup (${(error as Error).message})`);
    }
    return cgroup;
  }

  /** Whether the kernel holds this controller's limit for the tree. */
  has(controller: Controller): boolean {
    return this.folders[controller] !== undefined;
  }

  /** Every folder, once each. */
  dirs(): string[] {
    return [...new Set(Object.values(this.folders).map((folder) => folder.dir))];
  }

  /** The `cgroup.procs` files the agent writes its pid to before it execs. */
  procsFiles(): string[] {
    return this.dirs().map((dir) => join(dir, 'cgroup.procs'));
  }

  /** Processes of the tree the kernel killed for memory. */
  oomKills(): number {
    const memory = this.folders.memory;
    return memory ? keyValue(read(join(memory.dir, memory.layout.memoryEvents)), 'oom_kill') : 0;
  }

  /** The tree's highest memory use, in bytes (v2 without memory.peak: its use now). */
  memoryPeak(): number {
    const memory = this.folders.memory;
    if (!memory) return 0;
    const peak =
      read(join(memory.dir, memory.layout.memoryPeak)) ?? read(join(memory.dir, 'memory.current'));
    return Number(peak?.trim() ?? 0) || 0;
  }

  /** Forks the kernel refused at the process limit. */
  forkRefusals(): number {
    const pids = this.folders.pids;
    return pids ? keyValue(read(join(pids.dir, 'pids.events')), 'max') : 0;
  }

  /** The most tasks (processes and their threads) the tree had at once, when the kernel says. */
  pidsPeak(): number | null {
    const pids = this.folders.pids;
    const peak = pids ? read(join(pids.dir, 'pids.peak')) : null;
    return peak === null ? null : Number(peak.trim());
  }

  /**
   * Removes the cgroups once the tree has ended: a process still in one (one
   * that escaped the process group; the cgroup still holds it) is killed
   * first. False when a folder is still there after the bound.
   */
  async remove(): Promise<boolean> {
    const deadline = Date.now() + REMOVE_BOUND_MS;
    while (!this.removeNow()) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, REMOVE_POLL_MS));
    }
    return true;
  }

  /** One try: kill what is left in each folder, rmdir it; true when none is left. */
  private removeNow(): boolean {
    return this.dirs().every((dir) => removeFolder(dir));
  }
}

function removeFolder(dir: string): boolean {
  try {
    rmdirSync(dir);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return true;
    if (code !== 'EBUSY') return false;
  }
  for (const pid of (read(join(dir, 'cgroup.procs')) ?? '').split('\n').filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
  return false;
}

/** For the reaper: removes every cgroup `owner` made (killing what is in them); the folders left. */
export async function removeOwnedCgroups(owner: string): Promise<string[]> {
  const mountinfo = read('/proc/self/mountinfo');
  const own = read('/proc/self/cgroup');
  if (mountinfo === null || own === null) return [];
  const parents = new Set(candidates(mountinfo, own).map(({ host }) => host.dir));
  const left: string[] = [];
  for (const parent of parents) {
    let names: string[] = [];
    try {
      names = readdirSync(parent).filter((name) => name.startsWith(`orchestrate.${owner}.`));
    } catch {
      continue;
    }
    for (const name of names) left.push(join(parent, name));
  }
  const deadline = Date.now() + REMOVE_BOUND_MS;
  let remaining = left;
  while (remaining.length > 0 && Date.now() < deadline) {
    remaining = remaining.filter((dir) => !removeFolder(dir));
    if (remaining.length > 0) await new Promise((resolve) => setTimeout(resolve, REMOVE_POLL_MS));
  }
  return remaining;
}
