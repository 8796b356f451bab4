import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { repoRoot, tempDir } from '../../helpers/fixtures.js';
import { onlySession, runCli, sessionEvents } from '../helpers/run-cli.js';

const dir = tempDir('orchestrate-cli-agent-retries-');
afterAll(() => dir.cleanup());

test("claude's own API retries show live, obey --agent-retries, and are counted in the report and summary", async () => {
  const logDir = join(dir.path, 'logs');
  const result = await runCli([
    'parallel',
    '--mock-script',
    join(repoRoot, 'test/cli/fixtures/scripts/rate-limited-twice.json'),
    '--agent-retries',
    '3',
    '--log-dir',
    logDir,
    'please answer',
  ]);
  expect(result.stderr).toMatch(
    /\[WARNING\] \[process-001\] The agent is retrying: 429 rate limit — retry 1\/3 in \d/,
  );
  expect(result.stderr).toMatch(/The agent is retrying: 429 rate limit — retry 2\/3 in /);
  expect(result.stdout).toContain('Through at last.');
  expect(result.stdout).toMatch(/Succeeded: 1 succeeded in .* · 2 agent API retries · tokens/);
  expect(result.code).toBe(0);
  const session = onlySession(logDir);
  const retries = sessionEvents(session).filter((e) => e.kind === 'agent-retry');
  // max_retries 3 comes from CLAUDE_CODE_MAX_RETRIES, which --agent-retries sets.
  expect(retries.map((e) => [e.agentAttempt, e.maxRetries, e.errorStatus])).toEqual([
    [1, 3, 429],
    [2, 3, 429],
  ]);
  const summary = JSON.parse(readFileSync(join(session, 'summary.json'), 'utf8'));
  expect(summary.totals.agentRetries).toBe(2);
  expect(summary.processes[0].agentRetries).toBe(2);
  expect(readFileSync(join(session, 'session.log'), 'utf8')).toContain(
    'The agent is retrying: 429 rate limit — retry 2/3',
  );
});

test('--agent-retries must be a whole number', async () => {
  const result = await runCli(['parallel', '--agent-retries', 'many', 'x']);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(
    '--agent-retries: expected a whole number of 0 or more, got "many"',
  );
});

test('--agent-retries with codex or gemini is refused, naming where their retries are set', async () => {
  for (const agent of ['codex', 'gemini']) {
    const result = await runCli(['parallel', '--agent', agent, '--agent-retries', '2', 'x']);
    expect(result.code, agent).toBe(2);
    expect(result.stderr).toContain(
      `--agent-retries sets claude's CLAUDE_CODE_MAX_RETRIES; ${agent} has no such switch (codex: request_max_retries and stream_max_retries`,
    );
  }
});
