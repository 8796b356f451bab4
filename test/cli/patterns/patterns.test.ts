import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../../helpers/fixtures.js';
import { gitIn, makeRepo, type TempRepo } from '../../workspaces/support.js';
import { runCli, sessionEvents } from '../helpers/run-cli.js';

const script = join(repoRoot, 'test/cli/fixtures/scripts/n-version-greeting.json');
let repo: TempRepo;
let logDir: string;
beforeAll(() => {
  repo = makeRepo();
  logDir = join(repo.sessionDir, 'logs');
});
afterAll(() => repo.cleanup());

const common = () => ['--mock-script', script, '--cwd', repo.root, '--log-dir', logDir, '--json'];

describe('the pattern commands on the mock model', () => {
  test('n-version runs the versions in worktrees, checks them, reviews, and merges the winner', async () => {
    const result = await runCli([
      'n-version',
      '--models',
      'alpha,beta',
      '--check',
      'test -s greeting.txt',
      '--merge',
      ...common(),
      'Add a greeting',
      '--',
      '--allowedTools',
      'Write',
    ]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ pattern: 'n-version', ok: true, modelTurns: 5 });
    expect(doc.result.winner).toBe('version-2');
    expect(doc.result.merge.status).toBe('merged');
    expect(readFileSync(join(repo.root, 'greeting.txt'), 'utf8')).toBe('hello from beta\n');
    expect(gitIn(repo.root, 'status', '--porcelain')).toBe('');
    const steps = sessionEvents(doc.sessionDir).filter((e) => e.kind === 'step');
    expect(steps.map((e) => e.role)).toEqual(
      expect.arrayContaining(['claude/alpha', 'claude/beta', 'check', 'reviewer']),
    );
    const verdicts = sessionEvents(doc.sessionDir).filter((e) => e.kind === 'verdict');
    expect(verdicts).toMatchObject([
      {
        chosen: 'version-2',
        message: expect.stringMatching(/^Winner: version-2\. beta is clearer\./),
      },
    ]);
  });

  test('cascade stops at the accepted tier and prints a readable table', async () => {
    const result = await runCli([
      'cascade',
      '--models',
      'alpha,beta,gamma',
      '--accept',
      'grep -q beta',
      '--mock-script',
      script,
      '--cwd',
      repo.root,
      '--log-dir',
      logDir,
      'Which tier?',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^TIER +AGENT +STATUS +VERDICT\n1 +claude\/alpha +succeeded +rejected\n2 +claude\/beta +succeeded +accepted\n/,
    );
    expect(result.stdout).toContain('Accepted tier 2:\nanswer from beta');
    expect(result.stdout).toMatch(/cascade succeeded in [\d.]+ s, 2 model turns/);
  });

  test('debate makes perspectives x rounds + 1 requests', async () => {
    const result = await runCli([
      'debate',
      '--perspectives',
      'a,b,c',
      '--rounds',
      '2',
      ...common(),
      'Tabs or spaces?',
    ]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.modelTurns).toBe(3 * 2 + 1);
    expect(doc.result.rounds).toHaveLength(2);
  });

  test('panel asks every expert and one aggregator', async () => {
    const result = await runCli([
      'panel',
      '--experts',
      'security,testing',
      ...common(),
      'Review it',
    ]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.modelTurns).toBe(2 + 1);
    expect(doc.result.experts.map((e: { expert: string }) => e.expert)).toEqual([
      'security',
      'testing',
    ]);
  });

  test('debate with one perspective is a usage error naming the flag', async () => {
    const result = await runCli(['debate', '--perspectives', 'a', '--mock-model', 'q']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--perspectives: expected two or more names: a,b,c, got "a"');
  });
});
