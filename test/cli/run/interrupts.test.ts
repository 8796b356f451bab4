import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import {
  announcedPids,
  fixture,
  pidAlive,
  pidsWithEnv,
  repoRoot,
  tempDir,
} from '../../helpers/fixtures.js';
import { onlySession, sessionEvents, startCli, waitFor } from '../helpers/run-cli.js';

// agent-tree stands in for claude: it starts two grandchildren (one ignores
// SIGTERM), prints their pids and never ends, which the real claude cannot do on demand.
const agentTree = join(repoRoot, 'test/cli/fixtures/bin/agent-tree');
const dir = tempDir('orchestrate-cli-interrupt-');
afterAll(() => dir.cleanup());

// Whatever a failed test leaves running is killed, so one failure cannot load the next test.
const leftovers: Array<{ child: ChildProcess; pids: number[] }> = [];
afterEach(() => {
  for (const { child, pids } of leftovers.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

let runs = 0;

/** Starts a run of agent-tree processes and waits until `started` of them have announced their grandchildren. */
async function startTrees(args: string[], started: number) {
  const logDir = join(dir.path, `run-${++runs}`);
  const cli = startCli([
    'parallel',
    '--claude-bin',
    agentTree,
    '--log-dir',
    logDir,
    '--json',
    ...args,
  ]);
  const leftover = { child: cli.child, pids: [] as number[] };
  leftovers.push(leftover);
  const sessionDir = await waitFor(
    () => {
      try {
        return onlySession(logDir);
      } catch {
        return undefined;
      }
    },
    20_000,
    'the session folder',
  );
  const pids = await waitFor(
    () => {
      const starts = sessionEvents(sessionDir).filter((e) => e.kind === 'process-start');
      if (starts.length < started) return undefined;
      // A log is opened just after its process starts: it may not be there yet.
      const grandchildren = starts.flatMap((e) => {
        try {
          return announcedPids(readFileSync(String(e.logFile), 'utf8'));
        } catch {
          return [];
        }
      });
      if (grandchildren.length < 2 * started) return undefined;
      return [...starts.map((e) => Number(e.pid)), ...grandchildren];
    },
    20_000,
    'every tree to start',
  );
  leftover.pids.push(...pids);
  return { ...cli, sessionDir, pids };
}

async function allGone(pids: number[]) {
  await waitFor(
    () => pids.every((pid) => !pidAlive(pid)),
    10_000,
    `pids ${pids.join(', ')} to end`,
  );
}

describe('interrupting a run', () => {
  test('Ctrl-C ends every process tree, records the session as cancelled and exits 130', async () => {
    const run = await startTrees(['--kill-grace', '300ms', 'one', 'two', 'three'], 3);
    expect(run.pids.every(pidAlive)).toBe(true);
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(130);
    await allGone(run.pids);
    const report = JSON.parse(result.stdout);
    expect(report.status).toBe('cancelled');
    expect(report.exitCode).toBe(130);
    expect(report.results.map((r: { status: string }) => r.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    const summary = JSON.parse(readFileSync(join(run.sessionDir, 'summary.json'), 'utf8'));
    expect(summary.status).toBe('cancelled');
    expect(result.stderr).toContain('Ctrl-C: cancelling every process');
  });

  test('processes still waiting for a worker never start once Ctrl-C is pressed', async () => {
    const run = await startTrees(['-j', '1', '--kill-grace', '300ms', 'one', 'two', 'three'], 1);
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(130);
    await allGone(run.pids);
    const starts = sessionEvents(run.sessionDir).filter((e) => e.kind === 'process-start');
    expect(starts.map((e) => e.processId)).toEqual(['process-001']);
    expect(JSON.parse(result.stdout).results.map((r: { status: string }) => r.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });

  // The grace period here is ten minutes: only the second Ctrl-C can end this run in the test's time.
  test(
    'a second Ctrl-C kills every tree at once, without waiting out the grace period',
    { timeout: 30_000 },
    async () => {
      const run = await startTrees(['--kill-grace', '10min', 'one', 'two'], 2);
      let stderr = '';
      run.child.stderr!.on('data', (chunk: string) => (stderr += chunk));
      run.child.kill('SIGINT');
      await waitFor(() => stderr.includes('Press Ctrl-C again'), 20_000, 'the cancel to begin');
      run.child.kill('SIGINT');
      const result = await run.done;
      expect(result.code).toBe(130);
      await allGone(run.pids);
    },
  );

  test('SIGTERM acts like the first Ctrl-C and exits 143', async () => {
    const run = await startTrees(['--kill-grace', '300ms', 'one'], 1);
    run.child.kill('SIGTERM');
    const result = await run.done;
    expect(result.code).toBe(143);
    await allGone(run.pids);
    expect(JSON.parse(result.stdout).status).toBe('cancelled');
    expect(result.stderr).toContain('SIGTERM: cancelling every process');
  });
});

describe('other signals', () => {
  test('SIGHUP (a closed terminal) ends every tree, writes the summary and exits 129', async () => {
    const run = await startTrees(['--kill-grace', '300ms', 'one', 'two'], 2);
    run.child.kill('SIGHUP');
    const result = await run.done;
    expect(result.code).toBe(129);
    await allGone(run.pids);
    expect(JSON.parse(result.stdout).status).toBe('cancelled');
    const summary = JSON.parse(readFileSync(join(run.sessionDir, 'summary.json'), 'utf8'));
    expect(summary.status).toBe('cancelled');
    expect(sessionEvents(run.sessionDir).at(-1)?.kind).toBe('session-end');
  });

  test('SIGQUIT ends every tree the same way and exits 131', async () => {
    const run = await startTrees(['--kill-grace', '300ms', 'one'], 1);
    run.child.kill('SIGQUIT');
    const result = await run.done;
    expect(result.code).toBe(131);
    await allGone(run.pids);
    expect(JSON.parse(result.stdout).status).toBe('cancelled');
  });
});

describe('when the CLI itself is killed', () => {
  test('SIGKILL of the CLI still ends every process tree it started', async () => {
    const run = await startTrees(['--kill-grace', '300ms', 'one', 'two', 'three'], 3);
    expect(run.pids.every(pidAlive)).toBe(true);
    run.child.kill('SIGKILL');
    const result = await run.done;
    expect(result.signal).toBe('SIGKILL');
    await allGone(run.pids);
  });

  test('Ctrl-C while 48 streaming agents start ends every one, started or still waiting to spawn', async () => {
    const logDir = join(dir.path, `run-${++runs}`);
    const mark = `fleet-${process.pid}-${runs}`;
    const prompts = Array.from({ length: 48 }, (_, i) => `a${i}`);
    const cli = startCli(
      [
        'parallel',
        '--command',
        fixture('stream-and-time'),
        '--prompt-via',
        'none',
        '--kill-grace',
        '1s',
        '--log-dir',
        logDir,
        '--json',
        ...prompts,
        '--',
        '600',
      ],
      { env: { FLEET_MARK: mark } },
    );
    leftovers.push({ child: cli.child, pids: [] });
    await waitFor(
      () => {
        try {
          const starts = sessionEvents(onlySession(logDir)).filter(
            (e) => e.kind === 'process-start',
          );
          return starts.length >= 24;
        } catch {
          return false;
        }
      },
      60_000,
      'half the agents to start',
    );
    cli.child.kill('SIGINT');
    const result = await cli.done;
    expect(result.code).toBe(130);
    // The CLI's reaper carries the mark too, and ends just after the CLI.
    await waitFor(() => pidsWithEnv('FLEET_MARK', mark).length === 0, 10_000, 'every agent to end');
    const report = JSON.parse(result.stdout) as { results: Array<{ status: string }> };
    expect(report.results).toHaveLength(48);
    expect(new Set(report.results.map((r) => r.status))).toEqual(new Set(['cancelled']));
  });
});
