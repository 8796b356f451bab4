import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announcedPids, fixtureProcess, pidAlive, tempDir } from '../../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

// A task in a frozen cgroup v1 freezer does not die of SIGKILL until it is
// thawed: the one process a test can make that outlives the kill. (Under
// cgroup v2, a frozen task dies of SIGKILL, so there is nothing to test.)
const FREEZER = '/sys/fs/cgroup/freezer';
const canFreeze = existsSync(join(FREEZER, 'cgroup.procs')) && process.getuid?.() === 0;

/** A freezer cgroup holding `pid`, frozen; thaw() lets it die and removes the cgroup. */
function freeze(pid: number): { thaw(): Promise<void> } {
  const cgroup = join(FREEZER, `orchestrate-test-${process.pid}-${pid}`);
  mkdirSync(cgroup);
  writeFileSync(join(cgroup, 'cgroup.procs'), String(pid));
  writeFileSync(join(cgroup, 'freezer.state'), 'FROZEN');
  return {
    async thaw() {
      writeFileSync(join(cgroup, 'freezer.state'), 'THAWED');
      for (let i = 0; i < 200 && readFileSync(join(cgroup, 'cgroup.procs'), 'utf8').trim(); i++)
        await sleep(50);
      rmdirSync(cgroup);
    },
  };
}

describe('processes still alive after SIGKILL', () => {
  it.skipIf(!canFreeze)(
    'a member the kernel keeps from dying is named in the result and in an error',
    async () => {
      const made = fixtureProcess(dir.path, 'spawn-grandchildren', {
        timeoutMs: 2000,
        killGraceMs: 200,
        env: { KEEP_PARENT: '1' },
      });
      let frozen: { pid: number; thaw(): Promise<void> } | null = null;
      made.on('output', (chunk) => {
        const [pid] = announcedPids(chunk.toString());
        if (pid !== undefined && frozen === null) frozen = { pid, ...freeze(pid) };
      });
      const errors: string[] = [];
      made.on('log', (level, message) => {
        if (level === 'ERROR' && !message.startsWith('Completed:')) errors.push(message);
      });
      try {
        const result = await made.run();
        expect(frozen).not.toBeNull();
        const { pid } = frozen!;
        expect(result.status).toBe('timed_out');
        expect(result.survivors).toEqual([pid]);
        expect(result.message).toBe(
          `timed out after 2 s; SIGKILL after 200 ms grace; 1 process survived SIGKILL (pid ${pid})`,
        );
        expect(errors).toEqual([
          `Still alive after SIGKILL: pid ${pid}; they are not ours to end any more`,
        ]);
      } finally {
        await (frozen as { thaw(): Promise<void> } | null)?.thaw();
      }
      expect(pidAlive(frozen!.pid)).toBe(false);
    },
  );

  it('a tree that all died names no survivor and says no error', async () => {
    const made = fixtureProcess(dir.path, 'spawn-grandchildren', {
      timeoutMs: 2000,
      killGraceMs: 200,
      env: { KEEP_PARENT: '1' },
    });
    const errors: string[] = [];
    made.on('log', (level, message) => {
      if (level === 'ERROR' && !message.startsWith('Completed:')) errors.push(message);
    });
    const result = await made.run();
    expect(result.status).toBe('timed_out');
    expect(result.survivors).toEqual([]);
    expect(result.message).toBe('timed out after 2 s; SIGKILL after 200 ms grace');
    expect(errors).toEqual([]);
  });

  it('a child that exits alone, leaving nothing behind, names no survivor', async () => {
    const result = await fixtureProcess(dir.path, 'print-ok').run();
    expect(result.status).toBe('succeeded');
    expect(result.survivors).toEqual([]);
    expect(result.message).not.toContain('survived');
  });
});
