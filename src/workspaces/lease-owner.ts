/**
 * Who holds a worktree: the lock reason names the orchestrator's pid and the
 * start time of that pid (from /proc), so a lease is live exactly while that
 * same process runs, and a recycled pid never keeps a dead session's lease.
 */
import { readFileSync } from 'node:fs';
import { processStartTicks } from '../process/terminate/process-table.js';

export interface LeaseOwner {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22); null off Linux. */
  startTicks: number | null;
  sessionId: string;
  processId: string;
}

export { processStartTicks };

const PREFIX = 'orchestrate lease';
const PATTERN = /^orchestrate lease pid=(\d+) start=(\d+|-) session=(\S+) process=(\S+)(?:\s|$)/;

/** The owner record for this process. */
export function ownLease(sessionId: string, processId: string): LeaseOwner {
  return { pid: process.pid, startTicks: processStartTicks(process.pid), sessionId, processId };
}

export function leaseReason(owner: LeaseOwner): string {
  const start = owner.startTicks === null ? '-' : String(owner.startTicks);
  return `${PREFIX} pid=${owner.pid} start=${start} session=${owner.sessionId} process=${owner.processId} (do not remove while this pid runs)`;
}

export function parseLeaseReason(reason: string | null | undefined): LeaseOwner | null {
  const match = reason ? PATTERN.exec(reason.trim()) : null;
  if (!match) return null;
  return {
    pid: Number(match[1]),
    startTicks: match[2] === '-' ? null : Number(match[2]),
    sessionId: match[3]!,
    processId: match[4]!,
  };
}

/** True while the owner's process runs (the same pid, started at the same time). */
export function leaseIsLive(owner: LeaseOwner): boolean {
  const ticks = processStartTicks(owner.pid);
  if (ticks !== null) return owner.startTicks === null || ticks === owner.startTicks;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // No /proc (not Linux): the pid exists, trust it.
  return !existsProc();
}

function existsProc(): boolean {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
}
