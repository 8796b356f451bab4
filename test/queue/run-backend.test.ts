/**
 * `--backend redis://…` on a run command: the real CLI sends its tasks to a
 * real `orchestrate worker` through a real redis-server, with the real claude
 * against the mock model, and records them in its session as a local run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers/run-cli.js';
import { freePort } from '../helpers/redis-server.js';
import { useQueueFixture } from '../helpers/queue-fixture.js';

const queue = useQueueFixture(2);

describe('--backend', () => {
  it('runs a parallel run on the workers and records it as a local run', async () => {
    const logDir = join(queue.dir, 'sessions');
    const result = await runCli([
      ...['parallel', '--backend', queue.redis.url, '--mock-model', '--json', '--log-dir', logDir],
      ...['Say hello', 'Say goodbye'],
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.status).toBe('succeeded');
    expect(report.results.map((r: { output: string }) => r.output)).toEqual([
      'Mock reply: Say hello',
      'Mock reply: Say goodbye',
    ]);
    expect(queue.worker.output()).toContain(`Running claude task process-001`);
    const events = readFileSync(join(report.sessionDir, 'events.jsonl'), 'utf8');
    for (const kind of ['task', 'process-start', 'process-activity', 'process-end', 'session-end'])
      expect(events).toContain(`"kind":"${kind}"`);
  });

  it('refuses a malformed --backend, and --backend with --worktree, naming the flags', async () => {
    const bad = await runCli(['parallel', '--backend', 'localhost:6379', 'Hi']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--backend: expected a Redis URL such as redis://127.0.0.1:6379');
    const both = await runCli(['parallel', '--backend', queue.redis.url, '--worktree', 'Hi']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--worktree cannot be combined with --backend');
  });

  it('says clearly that the backend cannot be reached, before any task starts', async () => {
    const port = await freePort();
    const result = await runCli([
      ...['parallel', '--backend', `redis://127.0.0.1:${port}`, '--mock-model'],
      ...['--log-dir', join(queue.dir, 'unreached'), 'Hi'],
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cannot reach Redis at redis://127.0.0.1:${port}`);
  });
});
