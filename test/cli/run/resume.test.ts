import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot, tempDir } from '../../helpers/fixtures.js';
import { onlySession, runCli, sessionEvents, startCli, waitFor } from '../helpers/run-cli.js';
import { overBudgetRun } from '../helpers/over-budget-run.js';

const dir = tempDir('orchestrate-cli-resume-');
afterAll(() => dir.cleanup());

const sessionLog = (session: string) => readFileSync(join(session, 'session.log'), 'utf8');
const summaryOf = (session: string) =>
  JSON.parse(readFileSync(join(session, 'summary.json'), 'utf8'));

describe('orchestrate resume', () => {
  test('runs the skipped task again in the same folder; the succeeded ones are kept', async () => {
    const logDir = join(dir.path, 'budget');
    const first = await overBudgetRun(logDir);
    expect(first.code).toBe(1);
    const session = onlySession(logDir);
    const before = sessionEvents(session).length;

    const failedOnly = await runCli([
      'resume',
      'last',
      '--only',
      'failed',
      '--log-dir',
      logDir,
      '--mock-model',
    ]);
    expect(failedOnly.code).toBe(0);
    expect(sessionLog(onlySession(logDir))).toContain('0 task(s) run again (none); 3 kept');
    expect(summaryOf(session).totals.skipped).toBe(1);

    const resumed = await runCli(['resume', 'last', '--log-dir', logDir, '--mock-model']);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('Mock reply: three');
    expect(sessionLog(session)).toContain('1 task(s) run again (process-003); 2 kept');
    const summary = summaryOf(session);
    expect(summary.status).toBe('succeeded');
    expect(summary.processes.map((p: { status: string }) => p.status)).toEqual([
      'succeeded',
      'succeeded',
      'succeeded',
    ]);
    const events = sessionEvents(session);
    expect(events.length).toBeGreaterThan(before);
    expect(events.filter((e) => e.kind === 'session-start')).toHaveLength(1);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const restart = events.find((e) => e.kind === 'process-start' && e.processId === 'process-003');
    expect(restart).toMatchObject({ attempt: 2 });
    expect(readFileSync(join(session, 'processes', 'process-003.log'), 'utf8')).toContain(
      'skipped',
    );
  });

  test('resumes a session whose orchestrator was killed, not while it runs: the cut-off task runs again', async () => {
    const logDir = join(dir.path, 'killed');
    const run = startCli([
      'parallel',
      '--mock-script',
      join(repoRoot, 'test/cli/fixtures/scripts/slow-second.json'),
      '--log-dir',
      logDir,
      'quick one',
      'slow one',
    ]);
    await waitFor(() => {
      try {
        return sessionEvents(onlySession(logDir)).some(
          (e) => e.kind === 'process-end' && e.processId === 'process-001',
        );
      } catch {
        return false;
      }
    }, 60_000);
    // Not while its orchestrator is alive.
    const early = await runCli(['resume', 'last', '--log-dir', logDir, '--mock-model']);
    expect(early.code).not.toBe(0);
    expect(early.stderr).toMatch(/still running \(pid \d+\)/);
    run.child.kill('SIGKILL');
    await run.done;
    const session = onlySession(logDir);
    expect(sessionEvents(session).some((e) => e.kind === 'session-end')).toBe(false);

    const resumed = await runCli(['resume', 'last', '--log-dir', logDir, '--mock-model']);
    expect(resumed.code).toBe(0);
    expect(sessionLog(session)).toContain('1 task(s) run again (process-002); 1 kept');
    expect(resumed.stdout).toContain('Mock reply: slow one');
    expect(summaryOf(session)).toMatchObject({ status: 'succeeded', totals: { succeeded: 2 } });
  });

  test('a session that is not there is named, with what exists', async () => {
    const result = await runCli(['resume', 'nope', '--log-dir', join(dir.path, 'budget')]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('no session "nope"');
  });

  test('a wrong --backend is named as a flag of resume, not of the strategy it runs again', async () => {
    const logDir = join(dir.path, 'budget');
    const result = await runCli([
      'resume',
      'last',
      '--backend',
      'http://nope',
      '--log-dir',
      logDir,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--backend: expected');
    expect(result.stderr).toContain('Usage: orchestrate resume');
    expect(result.stderr).not.toContain('orchestrate parallel');
  });

  test('--only takes failed or unfinished', async () => {
    const result = await runCli(['resume', 'last', '--only', 'broken', '--log-dir', dir.path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--only: expected "failed" or "unfinished", got "broken"');
  });
});
