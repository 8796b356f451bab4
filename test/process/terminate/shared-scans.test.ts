import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { killTree } from '../../../src/process/terminate/kill-tree.js';
import { fixture, pidAlive } from '../../helpers/fixtures.js';

const started: ChildProcess[] = [];

/** A process in its own group; `ignoreTerm` makes it ignore SIGTERM from its first instruction. */
function startGroup(ignoreTerm: boolean): number {
  const child = ignoreTerm
    ? spawn('env', ['--ignore-signal=TERM', 'sleep', '60'], { detached: true, stdio: 'ignore' })
    : spawn(fixture('sleep-forever'), [], { detached: true, stdio: 'ignore' });
  started.push(child);
  return child.pid!;
}

/** True once the process ignores SIGTERM (bit 15 of SigIgn in /proc/<pid>/status). */
function ignoresTerm(pid: number): boolean {
  const status = readFileSync(`/proc/${pid}/status`, 'latin1');
  const mask = /^SigIgn:\s*([0-9a-f]+)$/m.exec(status)?.[1] ?? '0';
  return (BigInt(`0x${mask}`) & (1n << 14n)) !== 0n;
}

/** Waits without yielding to the event loop (the turn must not end) until the process ignores SIGTERM. */
function untilIgnoresTermInThisTurn(pid: number): void {
  const bound = Date.now() + 10_000;
  while (!ignoresTerm(pid)) {
    if (Date.now() > bound) throw new Error(`pid ${pid} never set SIGTERM to ignored`);
  }
}

afterEach(() => {
  for (const child of started.splice(0)) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

describe('trees ended together share scans of /proc', () => {
  it('a tree started after another tree was being ended is ended too: a scan from before it never speaks for it', async () => {
    const older = startGroup(false);
    // In one turn: the older tree's end reads /proc, then a younger tree starts and is ended.
    const first = killTree(older, { graceMs: 100 });
    const younger = startGroup(true);
    untilIgnoresTermInThisTurn(younger);
    const second = killTree(younger, { graceMs: 100 });
    const [olderOutcome, youngerOutcome] = await Promise.all([first, second]);
    expect(olderOutcome.survivors).toEqual([]);
    // It ignores SIGTERM: only a SIGKILL, sent because it was seen alive, ends it.
    expect(youngerOutcome.escalated).toBe(true);
    expect(youngerOutcome.survivors).toEqual([]);
    expect(pidAlive(younger)).toBe(false);
  });

  it('trees ended in one turn are each ended, whatever their order', async () => {
    const groups = [startGroup(true), startGroup(false), startGroup(true), startGroup(false)];
    untilIgnoresTermInThisTurn(groups[0]!);
    untilIgnoresTermInThisTurn(groups[2]!);
    const outcomes = await Promise.all(groups.map((pgid) => killTree(pgid, { graceMs: 100 })));
    expect(outcomes.map((outcome) => outcome.survivors)).toEqual([[], [], [], []]);
    for (const pgid of groups) expect(pidAlive(pgid)).toBe(false);
  });
});
