/**
 * `--backend redis://…` on the pattern commands: the real CLI sends each step
 * to a real `orchestrate worker` through a real redis-server (the real claude
 * against the mock model), and the pattern reads the steps' results as from a
 * local run. n-version, whose versions need worktrees of this machine, is refused.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlySession, runCli, sessionEvents } from '../cli/helpers/run-cli.js';
import { repoRoot } from '../helpers/fixtures.js';
import { useQueueFixture } from '../helpers/queue-fixture.js';

const script = join(repoRoot, 'test/cli/fixtures/scripts/n-version-greeting.json');
const queue = useQueueFixture(3);

const on = (logDir: string) => [
  ...['--backend', queue.redis.url, '--mock-script', script],
  ...['--cwd', queue.dir, '--log-dir', logDir],
];

describe('--backend on the pattern commands', () => {
  it.each([
    ['cascade', ['--models', 'alpha,beta,gamma', '--accept', 'grep -q beta'], 4],
    ['panel', ['--experts', 'security,testing'], 3],
    ['debate', ['--perspectives', 'a,b', '--rounds', '1'], 3],
  ])('runs %s with every step on the workers', async (pattern, flags, steps) => {
    const logDir = join(queue.dir, pattern);
    const result = await runCli([pattern, ...flags, ...on(logDir), '--json', 'Which is best?']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ pattern, ok: true });
    const ends = sessionEvents(onlySession(logDir)).filter((event) => event.kind === 'process-end');
    expect(ends).toHaveLength(steps);
    // Each step ran on the worker: its log is in the worker's folder.
    for (const end of ends) expect(String(end.logFile)).toContain(join(queue.dir, 'w'));
  });

  it('refuses n-version with --backend, naming the fix', async () => {
    const result = await runCli(['n-version', ...on(join(queue.dir, 'nv')), 'Write a greeting']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('n-version cannot be combined with --backend yet');
    expect(result.stderr).toContain('run n-version without --backend');
  });
});
