import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, pidAlive, repoRoot, tempDir } from '../../helpers/fixtures.js';
import { runCli, sessionEvents, startCli, waitFor } from '../helpers/run-cli.js';

// Three closed runs of a quick fixture agent; one of them is then dated ten
// days back in its own files (metadata.json and summary.json), as a run made
// then would be.
const dir = tempDir('orchestrate-cli-history-');
const logDir = join(dir.path, 'logs');
const flags = ['--log-dir', logDir];
const ids: string[] = [];
// Answers --version at once, then waits (with two grandchildren) until ended.
const agentTree = join(repoRoot, 'test/cli/fixtures/bin/agent-tree');
const TEN_DAYS_AGO = new Date(Date.now() - 10 * 86_400_000).toISOString();

function backdate(sessionId: string, startedAt: string): void {
  for (const name of ['metadata.json', 'summary.json']) {
    const file = join(logDir, sessionId, name);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...data, startedAt }));
  }
}

beforeAll(async () => {
  for (const prompt of ['one', 'two', 'three']) {
    const run = await runCli([
      'parallel',
      '--claude-bin',
      fixture('print-ok'),
      ...flags,
      '--json',
      prompt,
    ]);
    ids.push(JSON.parse(run.stdout).sessionId);
  }
  backdate(ids[0]!, TEN_DAYS_AGO);
});
afterAll(() => dir.cleanup());

/** The one session folder under `base` once it exists. */
function sessionFolder(base: string): string | false {
  const names = existsSync(base) ? readdirSync(base) : [];
  return names.length === 1 && join(base, names[0]!);
}

describe('orchestrate sessions --since', () => {
  test('keeps the runs started since the age, with a line of totals', async () => {
    const result = await runCli(['sessions', '--since', '7d', ...flags]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.slice(1, -1).map((line) => line.split(/ +/)[0])).toEqual([ids[2], ids[1]]);
    expect(lines.at(-1)).toMatch(/^2 sessions, 2 processes \(0 ok\), \$0\.0000, .* tokens$/);
  });

  test('takes a date, and --json keeps the same filter', async () => {
    const all = await runCli(['sessions', '--since', '2000-01-01', ...flags, '--json']);
    expect(JSON.parse(all.stdout)).toHaveLength(3);
    const recent = await runCli(['sessions', '--since', '2d', ...flags, '--json']);
    expect(JSON.parse(recent.stdout).map((s: { sessionId: string }) => s.sessionId)).toEqual([
      ids[2],
      ids[1],
    ]);
  });

  test('a bad age is a usage error naming the flag, the value and what is accepted', async () => {
    const result = await runCli(['sessions', '--since', 'lately', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--since: expected an age such as 7d');
    expect(result.stderr).toContain('"lately"');
  });
});

describe('orchestrate sessions prune', () => {
  test('--dry-run lists the old runs and removes nothing', async () => {
    const result = await runCli(['sessions', 'prune', '--older-than', '7d', '--dry-run', ...flags]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^would remove  ${ids[0]} `, 'm'));
    expect(result.stdout).toMatch(/Would remove 1 session \(\d+\.\d KB\) started more than 7d ago/);
    expect(existsSync(join(logDir, ids[0]!))).toBe(true);
  });

  test('removes the runs older than the age and keeps the others', async () => {
    const result = await runCli(['sessions', 'prune', '--older-than', '7d', ...flags, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.removed.map((r: { sessionId: string }) => r.sessionId)).toEqual([ids[0]]);
    expect(report.kept).toEqual([]);
    expect(existsSync(join(logDir, ids[0]!))).toBe(false);
    expect(existsSync(join(logDir, ids[1]!))).toBe(true);
    expect(existsSync(join(logDir, ids[2]!))).toBe(true);
  });

  test('without --older-than it refuses and says what to give', async () => {
    const result = await runCli(['sessions', 'prune', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--older-than is required');
  });

  test('never removes a running session, and removes one whose orchestrator was killed', async () => {
    const run = (logs: string) =>
      startCli([
        'parallel',
        '--claude-bin',
        agentTree,
        '--kill-grace',
        '200ms',
        '--log-dir',
        logs,
        'a',
      ]);
    const agentStart = async (logs: string) => {
      const session = await waitFor(() => sessionFolder(logs), 20_000, 'the session');
      const start = await waitFor(
        () => sessionEvents(session).find((e) => e.kind === 'process-start'),
        20_000,
        'the agent',
      );
      return { session, pid: Number(start.pid) };
    };
    const liveDir = join(dir.path, 'live');
    const deadDir = join(dir.path, 'dead');
    const live = run(liveDir);
    const dead = run(deadDir);
    const agents: number[] = [];
    try {
      const liveAgent = await agentStart(liveDir);
      const deadAgent = await agentStart(deadDir);
      agents.push(liveAgent.pid, deadAgent.pid);
      dead.child.kill('SIGKILL');
      await dead.done;

      const kept = await runCli(['sessions', 'prune', '--older-than', '1ms', '--log-dir', liveDir]);
      expect(kept.code).toBe(0);
      expect(kept.stdout).toMatch(/^kept +\S+ .* still running$/m);
      expect(existsSync(liveAgent.session)).toBe(true);

      const gone = await runCli(['sessions', 'prune', '--older-than', '1ms', '--log-dir', deadDir]);
      expect(gone.stdout).toMatch(/^removed +\S+ /m);
      expect(existsSync(deadAgent.session)).toBe(false);
    } finally {
      live.child.kill('SIGINT');
      dead.child.kill('SIGKILL');
      await Promise.all([live.done, dead.done]);
      // What outlives a killed orchestrator is another test's subject: end it here.
      for (const pid of agents) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await waitFor(() => agents.every((pid) => !pidAlive(pid)), 10_000, 'the agents to end');
    }
  });
});
