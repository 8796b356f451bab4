import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { killTree, sweepGroup } from '../../../src/process/terminate/kill-tree.js';
import { announcedPids, fixture, pidAlive } from '../../helpers/fixtures.js';

// killTree and sweepGroup on real trees, each in its own process group. A grace
// of ten minutes means: a tree that ends on SIGTERM must be seen gone at once;
// a kill that waited the grace out would time the test out.
const LONG_GRACE = 600_000;
const started: ChildProcess[] = [];
const pids: number[] = [];

afterEach(() => {
  for (const pid of [...pids.splice(0), ...started.splice(0).map((child) => child.pid!)]) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

/** Starts `command` as a group leader; resolves once it announced `count` grandchildren. */
async function startTree(
  command: string[],
  count: number,
): Promise<{ pgid: number; grandchildren: number[] }> {
  const child = spawn(command[0]!, command.slice(1), {
    detached: true,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  started.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      output += text;
      if (announcedPids(output).length >= count) resolve();
    });
    child.on('exit', () =>
      announcedPids(output).length >= count ? resolve() : reject(new Error(output)),
    );
  });
  const grandchildren = announcedPids(output);
  pids.push(...grandchildren);
  return { pgid: child.pid!, grandchildren };
}

/** True once the process ignores SIGTERM (bit 15 of SigIgn in /proc/<pid>/status). */
function ignoresTerm(pid: number): boolean {
  const status = readFileSync(`/proc/${pid}/status`, 'latin1');
  const mask = /^SigIgn:\s*([0-9a-f]+)$/m.exec(status)?.[1] ?? '0';
  return (BigInt(`0x${mask}`) & (1n << 14n)) !== 0n;
}

async function untilIgnoresTerm(pid: number): Promise<void> {
  while (!ignoresTerm(pid)) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('killTree', () => {
  it('ends a whole group that obeys SIGTERM without escalating, the leader still running when frozen', async () => {
    const { pgid, grandchildren } = await startTree([fixture('spawn-grandchildren-polite')], 2);
    const outcome = await killTree(pgid, { graceMs: LONG_GRACE });
    expect(outcome).toEqual({ escalated: false, survivors: [], exitedFirst: false });
    for (const pid of [pgid, ...grandchildren]) expect(pidAlive(pid)).toBe(false);
  });

  it('sends SIGTERM to a descendant that left the group, so it too ends without escalating', async () => {
    const { pgid, grandchildren } = await startTree([fixture('spawn-escaped-grandchild')], 1);
    const outcome = await killTree(pgid, { graceMs: LONG_GRACE });
    expect(outcome).toEqual({ escalated: false, survivors: [], exitedFirst: false });
    expect(pidAlive(grandchildren[0]!)).toBe(false);
  });

  it('sends SIGKILL to a descendant outside the group that ignores SIGTERM', async () => {
    const { pgid, grandchildren } = await startTree(
      ['sh', '-c', 'setsid env --ignore-signal=TERM sleep 60 & echo "grandchild $!"; wait'],
      1,
    );
    await untilIgnoresTerm(grandchildren[0]!);
    const outcome = await killTree(pgid, { graceMs: 200 });
    expect(outcome.escalated).toBe(true);
    expect(outcome.survivors).toEqual([]);
    expect(pidAlive(grandchildren[0]!)).toBe(false);
  });
});

describe('sweepGroup', () => {
  it('ends what a leader that exited left in its group, telling how many it found', async () => {
    const { pgid, grandchildren } = await startTree(
      ['sh', '-c', 'sleep 60 & echo "grandchild $!"; sleep 60 & echo "grandchild $!"'],
      2,
    );
    const found: number[] = [];
    const outcome = await sweepGroup(pgid, LONG_GRACE, (count) => found.push(count));
    expect(found).toEqual([2]);
    expect(outcome).toMatchObject({ escalated: false, survivors: [] });
    for (const pid of grandchildren) expect(pidAlive(pid)).toBe(false);
  });

  it('does nothing for a group with nothing left, and needs no one to tell', async () => {
    const { pgid } = await startTree(['sh', '-c', 'echo "grandchild $$"'], 1);
    await new Promise((resolve) => started.at(-1)!.once('close', resolve));
    const found: number[] = [];
    await expect(sweepGroup(pgid, LONG_GRACE, (count) => found.push(count))).resolves.toBeNull();
    expect(found).toEqual([]);
    const { pgid: other } = await startTree(['sh', '-c', 'sleep 60 & echo "grandchild $!"'], 1);
    await expect(sweepGroup(other, LONG_GRACE)).resolves.toMatchObject({ escalated: false });
  });
});
