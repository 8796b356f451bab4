/**
 * Memory and process-count limits on a whole tree (grandchildren included).
 * Where a cgroup can be made (task-cgroup.ts) the kernel holds them: the tree
 * is in its own cgroup from its first instruction, a fork past the process
 * limit is refused, and a process that would pass the memory limit is killed
 * (OOM), after which the run is ended. Elsewhere they are enforced by sampling
 * /proc (tree-sampler.ts) every SAMPLE_INTERVAL_MS: a tree over a limit is
 * ended; a spike shorter than one interval is missed and a fork bomb can
 * overshoot within one. Without /proc either (macOS) they are not enforced,
 * and the start line says so. ORCHESTRATE_CGROUP=off always samples.
 */
import { existsSync } from 'node:fs';
import { formatBytes, formatDuration } from '../format.js';
import type { EndReason } from '../result.js';
import type { Controller } from './cgroup-layout.js';
import { cgroupControllers, cgroupVersion, type TaskCgroup } from './task-cgroup.js';
import { everySample, SAMPLE_INTERVAL_MS, watchTree, type TreeSample } from './tree-sampler.js';

export interface TreeLimits {
  memoryLimitBytes: number | null;
  maxProcesses: number | null;
}

export type LimitReason = Extract<EndReason, { kind: 'limit' }>;

export function hasLimits(limits: TreeLimits): boolean {
  return limits.memoryLimitBytes !== null || limits.maxProcesses !== null;
}

let procReadable: boolean | null = null;
const hasProc = () => (procReadable ??= existsSync('/proc/self/stat'));

/** The controllers the kernel will hold for these limits here; none when cgroups are off. */
export function kernelControllers(limits: TreeLimits): Controller[] {
  if (!hasLimits(limits) || process.env.ORCHESTRATE_CGROUP === 'off') return [];
  return cgroupControllers(limits);
}

/**
 * For the start line: "a 2 GiB memory limit and a 64-process limit, limited by
 * cgroup v1 (memory, pids)", or "… (sampled from /proc every 250 ms)".
 */
export function describeLimits(limits: TreeLimits, proc = hasProc()): string | null {
  const kernel = kernelControllers(limits);
  const memory =
    limits.memoryLimitBytes === null
      ? null
      : { controller: 'memory', words: `a ${formatBytes(limits.memoryLimitBytes)} memory limit` };
  const pids =
    limits.maxProcesses === null
      ? null
      : { controller: 'pids', words: `a ${limits.maxProcesses}-process limit` };
  const all = [memory, pids].filter((part) => part !== null);
  if (all.length === 0) return null;
  const byKernel = all.filter((part) => kernel.includes(part.controller as Controller));
  const rest = all.filter((part) => !byKernel.includes(part));
  const groups = [
    byKernel.length === 0
      ? null
      : `${byKernel.map((part) => part.words).join(' and ')}, limited by cgroup v${cgroupVersion(kernel)} (${kernel.join(', ')})`,
    rest.length === 0
      ? null
      : `${rest.map((part) => part.words).join(' and ')} ${
          proc
            ? `(sampled from /proc every ${formatDuration(SAMPLE_INTERVAL_MS)})`
            : '(not enforced: no cgroup can be made here and there is no /proc to sample)'
        }`,
  ].filter((group) => group !== null);
  return groups.join(', and ');
}

/** Watches one tree's limits: the kernel's (a cgroup) and the sampled rest; `over` is called once. */
export class LimitWatch {
  private done = false;
  private readonly stops: Array<() => void> = [];

  constructor(
    pgid: number,
    private readonly limits: TreeLimits,
    private readonly cgroup: TaskCgroup | null,
    private readonly over: (reason: LimitReason) => void,
  ) {
    const byKernel = (controller: Controller) => cgroup?.has(controller) ?? false;
    const sampled = {
      memoryLimitBytes: byKernel('memory') ? null : limits.memoryLimitBytes,
      maxProcesses: byKernel('pids') ? null : limits.maxProcesses,
    };
    if (hasLimits(sampled)) this.stops.push(this.sample(pgid, sampled));
    if (byKernel('memory')) this.stops.push(everySample(() => this.check(this.oomReason())));
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  /**
   * After the child exited: an OOM kill the last check missed, or, for a run
   * that failed, the forks the kernel refused. Null when there is none.
   */
  afterExit(failed: boolean): LimitReason | null {
    if (this.done || !this.cgroup) return null;
    const memory = this.oomReason();
    if (memory) return memory;
    const refused = this.cgroup.forkRefusals();
    if (!failed || refused === 0 || this.limits.maxProcesses === null) return null;
    const peak = this.cgroup.pidsPeak() ?? this.limits.maxProcesses;
    return {
      kind: 'limit',
      resource: 'processes',
      limit: this.limits.maxProcesses,
      peak,
      refused,
    };
  }

  private oomReason(): LimitReason | null {
    const limit = this.limits.memoryLimitBytes;
    if (!this.cgroup?.has('memory') || limit === null || this.cgroup.oomKills() === 0) return null;
    return {
      kind: 'limit',
      resource: 'memory',
      limit,
      peak: this.cgroup.memoryPeak(),
      oomKilled: true,
    };
  }

  private check(reason: LimitReason | null): void {
    if (this.done || reason === null) return;
    this.done = true;
    this.over(reason);
  }

  private sample(pgid: number, limits: TreeLimits): () => void {
    let peakRss = 0;
    let peakProcesses = 0;
    return watchTree(pgid, (sample: TreeSample) => {
      peakRss = Math.max(peakRss, sample.rssBytes);
      peakProcesses = Math.max(peakProcesses, sample.processes);
      const memory = limits.memoryLimitBytes;
      const processes = limits.maxProcesses;
      if (memory !== null && sample.rssBytes > memory)
        this.check({ kind: 'limit', resource: 'memory', limit: memory, peak: peakRss });
      else if (processes !== null && sample.processes > processes)
        this.check({ kind: 'limit', resource: 'processes', limit: processes, peak: peakProcesses });
    });
  }
}

/** "memory limit exceeded: the tree used 312.4 MiB at its peak, over its 200 MiB limit" */
export function limitWords(reason: LimitReason): string {
  if (reason.resource === 'memory' && reason.oomKilled)
    return `memory limit reached: the kernel killed a process of the tree that went over its ${formatBytes(reason.limit)} limit (the tree used ${formatBytes(reason.peak)} at its peak)`;
  if (reason.resource === 'memory')
    return `memory limit exceeded: the tree used ${formatBytes(reason.peak)} at its peak, over its ${formatBytes(reason.limit)} limit`;
  if (reason.refused !== undefined)
    return `process limit reached: the kernel refused ${reason.refused} fork${reason.refused === 1 ? '' : 's'} at its limit of ${reason.limit} processes (the tree had ${reason.peak} tasks at its peak, threads included)`;
  return `process limit exceeded: the tree had ${reason.peak} processes at its peak, over its limit of ${reason.limit}`;
}
