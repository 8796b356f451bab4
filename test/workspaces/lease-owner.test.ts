import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  leaseIsLive,
  leaseReason,
  ownLease,
  parseLeaseReason,
  processStartTicks,
} from '../../src/workspaces/lease-owner.js';

describe('lease owners', () => {
  it('reads back the owner it wrote into a lock reason', () => {
    const owner = ownLease('parallel_20261130_120000', 'p-1.a');
    expect(parseLeaseReason(leaseReason(owner))).toEqual(owner);
  });

  it('reads no owner from a lock reason someone else wrote', () => {
    expect(parseLeaseReason('locked by hand')).toBeNull();
    expect(parseLeaseReason(null)).toBeNull();
  });

  it('holds the lease live while this process runs', () => {
    expect(leaseIsLive(ownLease('s', 'p'))).toBe(true);
  });

  it('holds the lease dead once its process has exited', () => {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const pid = Number(child.stdout);
    expect(leaseIsLive({ pid, startTicks: 1, sessionId: 's', processId: 'p' })).toBe(false);
  });

  it('holds the lease dead when the pid now belongs to a process started at another time', () => {
    const ticks = processStartTicks(process.pid)!;
    expect(ticks).toBeGreaterThan(0);
    expect(
      leaseIsLive({ pid: process.pid, startTicks: ticks + 1, sessionId: 's', processId: 'p' }),
    ).toBe(false);
  });
});
