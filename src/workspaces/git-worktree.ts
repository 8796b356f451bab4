/**
 * Runs `git worktree <subcommand>` in a repository, one at a time per
 * repository in this process. Git reads every entry of `.git/worktrees/` on
 * each of these commands, and an `add` running beside it has made its entry's
 * folder but not yet its files: the other command then dies with
 * "fatal: failed to read .git/worktrees/p1/commondir: Success" (seen with two
 * leases at once on a loaded machine). Within one process the queue prevents
 * it; between processes (two orchestrators on one repository) the command is
 * tried again, since git failed before changing anything.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { git, GitError } from './git.js';

const queues = new Map<string, Promise<unknown>>();

/** Git's words when another process's `worktree add` was half done. */
const HALF_MADE = /failed to read .*worktrees\/|worktrees\/[^\s]+: No such file or directory/;
const TRIES = 6;

export function gitWorktree(root: string, args: readonly string[]): Promise<string> {
  const before = queues.get(root) ?? Promise.resolve();
  const run = before.then(() => withRetries(root, args));
  const settled = run.catch(() => undefined);
  queues.set(root, settled);
  void settled.then(() => {
    if (queues.get(root) === settled) queues.delete(root);
  });
  return run;
}

async function withRetries(root: string, args: readonly string[]): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await git(root, ['worktree', ...args]);
    } catch (error) {
      if (!(error instanceof GitError) || !HALF_MADE.test(error.stderr) || attempt >= TRIES) {
        throw error;
      }
      await sleep(25 * attempt);
    }
  }
}
