/** Real git repositories in temporary folders for the workspace tests. */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/fixtures.js';

const AUTHOR = {
  GIT_AUTHOR_NAME: 'Test User',
  GIT_AUTHOR_EMAIL: 'user@example.test',
  GIT_COMMITTER_NAME: 'Test User',
  GIT_COMMITTER_EMAIL: 'user@example.test',
};

/** Runs git synchronously in `dir` as the test user and returns its trimmed stdout. */
export function gitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    env: { ...process.env, ...AUTHOR },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

export interface TempRepo {
  /** The checkout (the user's). */
  root: string;
  /** A session folder outside the checkout. */
  sessionDir: string;
  cleanup(): void;
}

/** A repository with one commit holding README.md ("hello\n") and src/app.txt. */
export function makeRepo(): TempRepo {
  const top = realpathSync(mkdtempSync(join(tmpdir(), 'orchestrate-repo-')));
  const root = join(top, 'checkout');
  const sessionDir = join(top, 'session');
  execFileSync('mkdir', ['-p', join(root, 'src'), sessionDir]);
  gitIn(root, 'init', '--quiet', '--initial-branch', 'main');
  // The user's own identity, for merges made in the checkout.
  gitIn(root, 'config', 'user.name', 'Test User');
  gitIn(root, 'config', 'user.email', 'user@example.test');
  writeFileSync(join(root, 'README.md'), 'hello\n');
  writeFileSync(join(root, 'src/app.txt'), 'one\ntwo\nthree\n');
  gitIn(root, 'add', '--all');
  gitIn(root, 'commit', '--quiet', '-m', 'init');
  return { root, sessionDir, cleanup: () => rmSync(top, { recursive: true, force: true }) };
}

/** What `git status --porcelain` says about a checkout, plus its HEAD and index tree. */
export function checkoutState(root: string): { status: string; head: string; index: string } {
  return {
    status: gitIn(root, 'status', '--porcelain', '--untracked-files=all'),
    head: gitIn(root, 'rev-parse', 'HEAD'),
    index: gitIn(root, 'ls-files', '--stage'),
  };
}

/**
 * Runs an orchestrator (test/fixtures/lease-worktree-then-hang.ts) that leases
 * a worktree of `repo` as process p1 of session crashed_20261130_120000,
 * leaves a commit and an uncommitted file in it, and is then SIGKILLed.
 * Resolves with the worktree's path.
 */
export async function crashMidRun(repo: TempRepo): Promise<string> {
  const script = join(repoRoot, 'test/fixtures/lease-worktree-then-hang.ts');
  // node itself runs the script (tsx as a loader), so the killed pid is the orchestrator's.
  const child = spawn(process.execPath, ['--import', 'tsx', script, repo.root, repo.sessionDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const path = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      out += text;
      const match = /ready (.+)\n/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`the orchestrator exited early (${code})`)));
  });
  child.kill('SIGKILL');
  await exited;
  return path;
}
