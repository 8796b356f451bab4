import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { killTree, sweepGroup } from '../../../src/process/terminate/kill-tree.js';
import { newTreeMarker, TREE_MARKER_VARIABLE } from '../../../src/process/terminate/tree-marker.js';
import { announcedPids, fixture, pidAlive } from '../../helpers/fixtures.js';

// killTree and sweepGroup on real trees, each in its own process group. A grace
// of ten minutes means: a tree that ends on SIGTERM must be seen gone at once;
// a kill that waited the grace out would time the test out.
const LONG_GRACE = 600_000;
// Shorter than the fixtures' minute: a process that never got its SIGTERM is
// still there when the grace ends, and the kill escalates.
const GRACE_BELOW_FIXTURES = 20_000;
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

/**
 * Starts `command` as a group leader; resolves once it announced `count`
 * grandchildren. `announced()` reads the pids announced so far; `exited` settles
 * when the leader has exited.
 */
async function startTree(
  command: string[],
  count: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{
  pgid: number;
  grandchildren: number[];
  announced: () => number[];
  exited: Promise<void>;
}> {
  const child = spawn(command[0]!, command.slice(1), {
    detached: true,
    stdio: ['ignore', 'pipe', 'ignore'],
    env,
  });
  started.push(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      output += text;
      if (announcedPids(output).length >= count) resolve();
    });
    // The leader's exit can be seen before its last output is read (the pipe stays open in
    // the grandchildren): give the output a moment to arrive before calling it missing.
    child.on('exit', () =>
      setTimeout(
        () => (announcedPids(output).length >= count ? resolve() : reject(new Error(output))),
        2000,
      ),
    );
  });
  const grandchildren = announcedPids(output);
  pids.push(...grandchildren);
  const announced = () => {
    const all = announcedPids(output);
    pids.push(...all.filter((pid) => !pids.includes(pid)));
    return all;
  };
  return { pgid: child.pid!, grandchildren, announced, exited };
}

/** Fields of /proc/<pid>/stat after the command name: state, ppid, pgid. */
function stat(pid: number): { state: string; pgid: number } {
  const text = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0]!, pgid: Number(fields[2]) };
}

/** Until `pid` has left its parent's group for a group of its own (its setsid ran). */
async function untilOwnGroup(pid: number): Promise<void> {
  while (stat(pid).pgid !== pid) await new Promise((resolve) => setTimeout(resolve, 10));
}

/**
 * True once the process ignores (`SigIgn`) or catches (`SigCgt`, a trap) SIGTERM:
 * bit 15 of that mask in /proc/<pid>/status.
 */
function termIn(pid: number, mask: 'SigIgn' | 'SigCgt'): boolean {
  const status = readFileSync(`/proc/${pid}/status`, 'latin1');
  const bits = new RegExp(`^${mask}:\\s*([0-9a-f]+)$`, 'm').exec(status)?.[1] ?? '0';
  return (BigInt(`0x${bits}`) & (1n << 14n)) !== 0n;
}

async function untilTermIn(pid: number, mask: 'SigIgn' | 'SigCgt' = 'SigIgn'): Promise<void> {
  while (!termIn(pid, mask)) await new Promise((resolve) => setTimeout(resolve, 10));
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
    await untilOwnGroup(grandchildren[0]!);
    const outcome = await killTree(pgid, { graceMs: GRACE_BELOW_FIXTURES });
    expect(outcome).toEqual({ escalated: false, survivors: [], exitedFirst: false });
    expect(pidAlive(grandchildren[0]!)).toBe(false);
  });

  it('sends SIGKILL to a descendant outside the group that ignores SIGTERM', async () => {
    const { pgid, grandchildren } = await startTree(
      ['sh', '-c', 'setsid env --ignore-signal=TERM sleep 60 & echo "grandchild $!"; wait'],
      1,
    );
    await untilTermIn(grandchildren[0]!);
    const outcome = await killTree(pgid, { graceMs: 200 });
    expect(outcome.escalated).toBe(true);
    expect(outcome.survivors).toEqual([]);
    expect(pidAlive(grandchildren[0]!)).toBe(false);
  });

  it('sends SIGKILL to a child that a member outside the group, ignoring SIGTERM, started during the grace', async () => {
    const { pgid, grandchildren, announced } = await startTree(
      [fixture('escape-and-spawn-on-sigterm')],
      1,
    );
    const member = grandchildren[0]!;
    await untilOwnGroup(member);
    await untilTermIn(member, 'SigCgt');
    // Long enough for a loaded machine to run the member's trap: the child it starts is new to the kill.
    const outcome = await killTree(pgid, { graceMs: 4000 });
    const children = announced().filter((pid) => pid !== member);
    expect(children.length, 'the member started a child on SIGTERM').toBeGreaterThan(0);
    expect(outcome).toEqual({ escalated: true, survivors: [], exitedFirst: false });
    for (const pid of [member, ...children]) expect(pidAlive(pid)).toBe(false);
  });

  it('counts a member that died but was never reaped (a zombie) as gone, not alive', async () => {
    // The leader's parent execs `sleep`, which never reaps it: once killed, it stays a zombie.
    const {
      grandchildren: [leader],
    } = await startTree(['sh', '-c', 'setsid sleep 60 & echo "grandchild $!"; exec sleep 60'], 1);
    await untilOwnGroup(leader!);
    const outcome = await killTree(leader!, { graceMs: GRACE_BELOW_FIXTURES });
    expect(outcome).toEqual({ escalated: false, survivors: [], exitedFirst: false });
    expect(stat(leader!).state).toBe('Z');
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

  it('ends a daemon the leader left outside its group and tree, found by the tree marker', async () => {
    const marker = newTreeMarker();
    const { pgid, grandchildren, exited } = await startTree(
      ['sh', '-c', `sleep 60 & echo "grandchild $!"; ${fixture('daemonize-double-fork')} exit`],
      2,
      { ...process.env, [TREE_MARKER_VARIABLE]: marker },
    );
    // Once the leader exited, the daemon's parent has too: nothing but the marker leads to it.
    await exited;
    const daemon = grandchildren[1]!;
    expect(stat(daemon).pgid).not.toBe(pgid);
    const outcome = await sweepGroup(pgid, GRACE_BELOW_FIXTURES, undefined, marker);
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
