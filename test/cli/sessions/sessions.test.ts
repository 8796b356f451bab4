import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, repoRoot, tempDir } from '../../helpers/fixtures.js';
import { runCli, startCli, waitFor } from '../helpers/run-cli.js';

// Two quick runs of a fixture agent (print-ok prints "ok" and no result event,
// so claude's verdict is "failed"): enough to list, show and read back.
const dir = tempDir('orchestrate-cli-sessions-');
const logDir = join(dir.path, 'logs');
const flags = ['--log-dir', logDir];
let first = '';
let second = '';

beforeAll(async () => {
  const a = await runCli([
    'parallel',
    '--claude-bin',
    fixture('print-ok'),
    ...flags,
    '--json',
    'one',
    'two',
  ]);
  first = JSON.parse(a.stdout).sessionId;
  const b = await runCli([
    'sequential',
    '--claude-bin',
    fixture('print-ok'),
    ...flags,
    '--json',
    'three',
  ]);
  second = JSON.parse(b.stdout).sessionId;
});
afterAll(() => dir.cleanup());

describe('orchestrate sessions', () => {
  test('lists the runs newest first with status, start, duration, processes and cost', async () => {
    const result = await runCli(['sessions', ...flags]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SESSION +STATUS +STARTED +DURATION +PROCESSES +COST +RUN$/);
    expect(lines[1]).toMatch(
      new RegExp(
        `^${second} +failed +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +\\S+ m?s +0/1 ok +\\$0\\.0000  "three"$`,
      ),
    );
    expect(lines[2]).toMatch(new RegExp(`^${first} +failed .* 0/2 ok .* "one" \\+1$`));
  });

  test('--json prints one JSON array of the summaries', async () => {
    const result = await runCli(['sessions', ...flags, '--json']);
    const sessions = JSON.parse(result.stdout);
    expect(sessions.map((s: { sessionId: string }) => s.sessionId)).toEqual([second, first]);
    expect(sessions[1].totals.processes).toBe(2);
  });

  test('an empty folder says so and exits 0', async () => {
    const result = await runCli(['sessions', '--log-dir', join(dir.path, 'empty')]);
    expect(result).toMatchObject({
      code: 0,
      stdout: `No sessions in ${join(dir.path, 'empty')}.\n`,
    });
  });

  test('show prints one run in detail, by id, by a unique start of it, or as "last"', async () => {
    for (const id of [first, first.slice(0, first.length - 2), 'last']) {
      const result = await runCli(['sessions', 'show', id, ...flags]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`Session: ${id === 'last' ? second : first}`);
      expect(result.stdout).toContain('Files:');
      expect(result.stdout).toContain('processes/process-001.log');
    }
  });

  test('show --json prints the summary with the metadata', async () => {
    const result = await runCli(['sessions', 'show', first, '--json', ...flags]);
    const shown = JSON.parse(result.stdout);
    expect(shown).toMatchObject({ sessionId: first, patternName: 'parallel', status: 'failed' });
    expect(shown.metadata.sessionId).toBe(first);
    expect(shown.processes).toHaveLength(2);
  });

  test('an unknown session exits 1 and says how to list them', async () => {
    const result = await runCli(['sessions', 'show', 'nope', ...flags]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `no session "nope" in ${logDir}; "orchestrate sessions" lists them`,
    );
  });

  test('an ambiguous start of an id exits 1 and names the matches', async () => {
    const result = await runCli(['sessions', 'show', '', ...flags]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/matches 2 sessions/);
  });
});

describe('orchestrate logs', () => {
  test("prints the session's log", async () => {
    const result = await runCli(['logs', first, ...flags]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\[INFO\] \[session\] Session parallel_\S+ started/);
    expect(result.stdout).toMatch(/\[process-002\] Result: failed/);
  });

  test("prints one process's log", async () => {
    const result = await runCli(['logs', first, 'process-002', ...flags]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Process: process-002');
    expect(result.stdout).toContain('\nok\n');
  });

  test('an unknown process exits 1 and lists the known ones', async () => {
    const result = await runCli(['logs', first, 'process-009', ...flags]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `no process "process-009" in ${first}; it has process-001, process-002`,
    );
  });

  test('-f on a session that has ended prints the log and returns', async () => {
    const result = await runCli(['logs', 'last', '-f', ...flags]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Session failed after/);
  });

  test('-f follows a running session until it ends', async () => {
    const liveDir = join(dir.path, 'live');
    const run = startCli([
      'parallel',
      '--claude-bin',
      join(repoRoot, 'test/cli/fixtures/bin/agent-tree'),
      '--log-dir',
      liveDir,
      '--kill-grace',
      '200ms',
      'a',
    ]);
    let stdout = '';
    await waitFor(
      () =>
        existsSync(liveDir) &&
        readdirSync(liveDir).some((name) => existsSync(join(liveDir, name, 'events.jsonl'))),
      20_000,
      'the session folder',
    );
    const follow = startCli(['logs', 'last', '-f', '--log-dir', liveDir]);
    follow.child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await waitFor(
      () => stdout.includes('Started pid'),
      20_000,
      'the follower to see the process start',
    );
    run.child.kill('SIGINT');
    expect((await run.done).code).toBe(130);
    const followed = await follow.done;
    expect(followed.code).toBe(0);
    expect(followed.stdout).toMatch(/Session cancelled after/);
  });

  test('arguments after -- are refused outside the run commands', async () => {
    const result = await runCli(['logs', first, ...flags, '--', '--verbose']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('arguments after -- go to claude');
  });
});
