import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { kernelControllers } from '../../../src/process/watch/resource-limits.js';
import { cgroupsOf } from '../../helpers/cgroups.js';
import { fixture, pidsWithEnv, tempDir } from '../../helpers/fixtures.js';

// Hosts run agent-tree processes (a tree of three that never ends, one member
// ignoring SIGTERM). Each test marks its host's environment with a unique value,
// inherited by every process below it, and looks for that value in /proc.
const dir = tempDir('orchestrate-reaper-');
afterAll(() => dir.cleanup());

const marks: string[] = [];
afterEach(() => {
  for (const mark of marks.splice(0))
    for (const pid of pidsWithEnv('REAPER_TEST_MARK', mark)) process.kill(pid, 'SIGKILL');
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(50);
  }
  return check();
}

/** Starts host-run-parallel in `mode` and resolves once its trees are up. */
async function startHost(mode: 'wait' | 'exit' | 'throw', extra: string[] = []) {
  const mark = randomUUID();
  marks.push(mark);
  const host = spawn(fixture('host-run-parallel'), [mode, join(dir.path, mark), '2', ...extra], {
    env: { ...process.env, REAPER_TEST_MARK: mark },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  host.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  host.stderr.resume();
  const exited = new Promise<number | null>((resolve) => host.on('exit', (code) => resolve(code)));
  const up = await until(() => stdout.includes('started'), 30_000);
  expect(up, 'the host starts its trees').toBe(true);
  // Each tree is a shell with two children; wait until they are all there.
  await until(() => pidsWithEnv('REAPER_TEST_MARK', mark).length >= 7, 10_000);
  return { host, mark, exited };
}

describe('agent trees never outlive their host', () => {
  it('every tree ends when the host is killed with SIGKILL', async () => {
    const { host, mark, exited } = await startHost('wait');
    const before = pidsWithEnv('REAPER_TEST_MARK', mark);
    expect(before.length).toBeGreaterThanOrEqual(7);
    host.kill('SIGKILL');
    await exited;
    // Bound with a wide margin: the machine running the tests is loaded.
    const gone = await until(() => pidsWithEnv('REAPER_TEST_MARK', mark).length === 0, 15_000);
    expect(gone, `left: ${pidsWithEnv('REAPER_TEST_MARK', mark).join(' ')}`).toBe(true);
  });

  it("the trees' cgroups are removed when the host is killed with SIGKILL", async () => {
    // A process limit puts each tree in a cgroup where one can be made (root, as in CI).
    const { host, mark, exited } = await startHost('wait', ['50']);
    const made = cgroupsOf(String(host.pid));
    if (kernelControllers({ memoryLimitBytes: null, maxProcesses: 50 }).length > 0)
      expect(made.length).toBe(2);
    else expect(made).toEqual([]);
    host.kill('SIGKILL');
    await exited;
    const gone = await until(() => pidsWithEnv('REAPER_TEST_MARK', mark).length === 0, 15_000);
    expect(gone, `left: ${pidsWithEnv('REAPER_TEST_MARK', mark).join(' ')}`).toBe(true);
    const removed = await until(() => cgroupsOf(String(host.pid)).length === 0, 15_000);
    expect(removed, `left: ${cgroupsOf(String(host.pid)).join(' ')}`).toBe(true);
  });

  it('every tree ends when the host calls process.exit() mid-run', async () => {
    const { mark, exited } = await startHost('exit');
    expect(await exited).toBe(3);
    const gone = await until(() => pidsWithEnv('REAPER_TEST_MARK', mark).length === 0, 15_000);
    expect(gone, `left: ${pidsWithEnv('REAPER_TEST_MARK', mark).join(' ')}`).toBe(true);
  });

  it('every tree ends when the host dies of an uncaught exception', async () => {
    const { mark, exited } = await startHost('throw');
    expect(await exited).toBe(1);
    const gone = await until(() => pidsWithEnv('REAPER_TEST_MARK', mark).length === 0, 15_000);
    expect(gone, `left: ${pidsWithEnv('REAPER_TEST_MARK', mark).join(' ')}`).toBe(true);
  });
});
