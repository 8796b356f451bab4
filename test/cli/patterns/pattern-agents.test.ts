import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixture, repoRoot } from '../../helpers/fixtures.js';
import { gitIn, makeRepo, type TempRepo } from '../../workspaces/support.js';
import { runCli, sessionEvents } from '../helpers/run-cli.js';

let repo: TempRepo;
let logDir: string;
beforeAll(() => {
  repo = makeRepo();
  logDir = join(repo.sessionDir, 'logs');
});
afterAll(() => repo.cleanup());

const onMock = () => ['--mock-model', '--cwd', repo.root, '--log-dir', logDir, '--json'];

type Step = { result: { agent: string; status: string; output: string; artifacts?: unknown } };

describe('the pattern commands with several agents and worktrees', () => {
  test('debate cycles the real claude, codex and gemini over the perspectives', async () => {
    const result = await runCli([
      'debate',
      '--agents',
      'claude,codex,gemini',
      '--perspectives',
      'a,b,c',
      '--rounds',
      '1',
      ...onMock(),
      'Tabs or spaces?',
    ]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    // perspectives x rounds + 1: every agent asked the model once.
    expect(doc.modelTurns).toBe(3 * 1 + 1);
    const answers: Step[] = doc.result.rounds[0];
    expect(answers.map((a) => [a.result.agent, a.result.status])).toEqual([
      ['claude', 'succeeded'],
      ['codex', 'succeeded'],
      ['gemini', 'succeeded'],
    ]);
    for (const a of answers) expect(a.result.output).toContain('Mock reply: You take part');
    expect(doc.result.synthesis.agent).toBe('claude');
  });

  test('n-version with claude, codex and gemini: each writes the file in its worktree through its own tool, checked', async () => {
    const result = await runCli([
      'n-version',
      '--agents',
      'claude,codex,gemini',
      // One version at a time: the script's rules answer them in order (Write, apply_patch, write_file).
      '-j',
      '1',
      '--allow-edits',
      '--check',
      'test -s greeting.txt',
      '--mock-script',
      join(repoRoot, 'test/cli/fixtures/scripts/n-version-three-agents.json'),
      '--cwd',
      repo.root,
      '--log-dir',
      logDir,
      '--json',
      'Add a greeting',
    ]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    // Two turns per version (the tool call, then the answer) and the review.
    expect(doc.modelTurns).toBe(3 * 2 + 1);
    expect(doc.result.winner).toBe('version-3');
    type Candidate = {
      processId: string;
      result: Step['result'] & { artifacts: { branch: string } };
      check: { passed: boolean };
    };
    const candidates: Candidate[] = doc.result.candidates;
    expect(candidates.map((c) => [c.result.agent, c.result.status, c.check.passed])).toEqual([
      ['claude', 'succeeded', true],
      ['codex', 'succeeded', true],
      ['gemini', 'succeeded', true],
    ]);
    for (const c of candidates) {
      expect(gitIn(repo.root, 'show', `${c.result.artifacts.branch}:greeting.txt`)).toBe(
        `hello from ${c.result.agent}`,
      );
    }
    expect(existsSync(join(repo.root, 'greeting.txt'))).toBe(false);
    expect(gitIn(repo.root, 'status', '--porcelain')).toBe('');
  });

  test('panel cycles codex and gemini over the experts and tallies their votes', async () => {
    const result = await runCli([
      'panel',
      '--agents',
      'codex,gemini',
      '--experts',
      'security,product',
      '--options',
      'yes,no',
      ...onMock(),
      'Ship on Friday?',
    ]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.modelTurns).toBe(2 + 1);
    expect(doc.result.experts.map((e: Step) => e.result.agent)).toEqual(['codex', 'gemini']);
  });

  test('panel --worktree gives each expert its own branch and leaves the checkout untouched', async () => {
    const root = join(repo.sessionDir, 'trees');
    const result = await runCli([
      'panel',
      '--experts',
      'security,testing',
      '--command',
      fixture('append-line-to-file'),
      '--worktree',
      '--base',
      'HEAD',
      '--keep-worktrees',
      '--worktree-root',
      root,
      '--cwd',
      repo.root,
      '--log-dir',
      logDir,
      '--json',
      'Review it',
      '--',
      'notes.txt',
    ]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    const branches = doc.result.experts.map(
      (e: { result: { artifacts: { branch: string; filesChanged: unknown[] } } }) => {
        // The expert's prompt, appended line by line.
        expect(e.result.artifacts.filesChanged).toEqual([
          { path: 'notes.txt', added: expect.any(Number), removed: 0 },
        ]);
        return e.result.artifacts.branch;
      },
    );
    expect(branches).toEqual([
      `orchestrate/${doc.sessionId}/expert-1`,
      `orchestrate/${doc.sessionId}/expert-2`,
    ]);
    expect(existsSync(join(root, doc.sessionId, 'expert-1', 'notes.txt'))).toBe(true);
    expect(existsSync(join(repo.root, 'notes.txt'))).toBe(false);
    expect(gitIn(repo.root, 'status', '--porcelain')).toBe('');
    const artifacts = sessionEvents(doc.sessionDir).filter((e) => e.kind === 'artifacts');
    expect(artifacts.map((e) => e.processId)).toEqual(
      expect.arrayContaining(['expert-1', 'expert-2', 'aggregate']),
    );
  });

  test('an unknown agent in --agents is a usage error naming it and the registered ones', async () => {
    const result = await runCli([
      'debate',
      '--agents',
      'claude,nope',
      '--perspectives',
      'a,b',
      'q',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--agents: unknown agent "nope"; registered agents: claude');
  });
});

describe('the pattern commands show only flags they accept', () => {
  test.each(['n-version', 'cascade', 'debate', 'panel'])(
    '%s --help lists the common run flags, --worktree among them',
    async (pattern) => {
      const result = await runCli([pattern, '--help']);
      expect(result.code).toBe(0);
      for (const flag of ['--json', '-j,', '--timeout', '--agent ', '--command', '--worktree ']) {
        expect(result.stdout).toContain(flag);
      }
      for (const flag of ['--log-dir', '--base', '--keep-worktrees', '--worktree-root']) {
        expect(result.stdout).toContain(flag);
      }
    },
  );
});
