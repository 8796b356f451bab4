/**
 * Memory and process-count limits on a whole tree (grandchildren included),
 * enforced by sampling /proc (tree-sampler.ts): the tree's resident memory and
 * its number of processes, every SAMPLE_INTERVAL_MS. A tree over a limit is
 * ended and the run fails with a message naming the limit and the peak.
 * Sampling sees a spike that lasts at least one interval; a fork bomb can
 * overshoot a process limit within one interval before it is ended.
 */
import { formatBytes, formatDuration } from '../format.js';
import type { EndReason } from '../result.js';
import { SAMPLE_INTERVAL_MS, watchTree, type TreeSample } from './tree-sampler.js';

export interface TreeLimits {
  memoryLimitBytes: number | null;
  maxProcesses: number | null;
}

export type LimitReason = Extract<EndReason, { kind: 'limit' }>;

export function hasLimits(limits: TreeLimits): boolean {
  return limits.memoryLimitBytes !== null || limits.maxProcesses !== null;
}

/** For the start line: "a 2 GiB memory limit and a 64-process limit (sampled from /proc every 250 ms)". */
export function describeLimits(limits: TreeLimits): string | null {
  const parts = [
    limits.memoryLimitBytes === null
      ? null
      : `a ${formatBytes(limits.memoryLimitBytes)} memory limit`,
    limits.maxProcesses === null ? null : `a ${limits.maxProcesses}-process limit`,
  ].filter((part) => part !== null);
  if (parts.length === 0) return null;
  return `${parts.join(' and ')} (sampled from /proc every ${formatDuration(SAMPLE_INTERVAL_MS)})`;
}

/** Starts watching the tree of `pgid`; `over` is called once, with the first limit passed. */
export function watchLimits(
  pgid: number,
  limits: TreeLimits,
  over: (reason: LimitReason) => void,
): () => void {
  let peakRss = 0;
  let peakProcesses = 0;
  let done = false;
  const stop = watchTree(pgid, (sample: TreeSample) => {
    if (done) return;
    peakRss = Math.max(peakRss, sample.rssBytes);
    peakProcesses = Math.max(peakProcesses, sample.processes);
    const memory = limits.memoryLimitBytes;
    const processes = limits.maxProcesses;
    if (memory !== null && sample.rssBytes > memory) {
      done = true;
      over({ kind: 'limit', resource: 'memory', limit: memory, peak: peakRss });
    } else if (processes !== null && sample.processes > processes) {
      done = true;
      over({ kind: 'limit', resource: 'processes', limit: processes, peak: peakProcesses });
    }
  });
  return stop;
}

/** "memory limit exceeded: the tree used 312.4 MiB at its peak, over its 200 MiB limit" */
export function limitWords(reason: LimitReason): string {
  if (reason.resource === 'memory')
    return `memory limit exceeded: the tree used ${formatBytes(reason.peak)} at its peak, over its ${formatBytes(reason.limit)} limit`;
  return `process limit exceeded: the tree had ${reason.peak} processes at its peak, over its limit of ${reason.limit}`;
}
