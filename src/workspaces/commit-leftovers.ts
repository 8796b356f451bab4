/**
 * Commits whatever a worktree holds (changed, deleted and new files) on its
 * branch, as "orchestrate", so nothing an agent left is lost. The user's hooks
 * and signing settings do not apply to this snapshot commit.
 */
import { git, gitMaybe } from './git.js';

export const ORCHESTRATE_AUTHOR = { name: 'orchestrate', email: 'orchestrate@localhost' };

const AUTHOR_ENV = {
  GIT_AUTHOR_NAME: ORCHESTRATE_AUTHOR.name,
  GIT_AUTHOR_EMAIL: ORCHESTRATE_AUTHOR.email,
  GIT_COMMITTER_NAME: ORCHESTRATE_AUTHOR.name,
  GIT_COMMITTER_EMAIL: ORCHESTRATE_AUTHOR.email,
};

/** The commit message's subject: `orchestrate: <processId>: <first line of the task>`. */
export function snapshotMessage(processId: string, task?: string): string {
  const line = (task ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  const short = line.trim().length > 72 ? `${line.trim().slice(0, 71)}…` : line.trim();
  const subject = `orchestrate: ${processId}${short ? `: ${short}` : ''}`;
  const body = task && task.trim() !== short ? `\n\nTask:\n${task.trim()}\n` : '\n';
  return `${subject}${body}`;
}

/**
 * Stages everything in `dir` and commits it when anything changed. Resolves
 * with the commit now at HEAD and whether a new commit was made.
 */
export async function commitLeftovers(
  dir: string,
  message: string,
): Promise<{ commit: string; committed: boolean }> {
  await git(dir, ['add', '--all']);
  const clean = (await gitMaybe(dir, ['diff', '--cached', '--quiet'])) !== null;
  if (!clean) {
    await git(
      dir,
      ['-c', 'commit.gpgsign=false', 'commit', '--no-verify', '--quiet', '--file', '-'],
      { env: AUTHOR_ENV, input: message },
    );
  }
  const commit = (await git(dir, ['rev-parse', 'HEAD'])).trim();
  return { commit, committed: !clean };
}
