/**
 * `orchestrate merge SESSION PROCESS`: finds the session, merges the process's
 * branch into the current branch, and says what happened. A conflict lists the
 * files and exits 1 with the checkout as it was.
 */
import { basename, resolve } from 'node:path';
import { mergeBranch } from '../../workspaces/merge.js';
import { worktreeBranch } from '../../workspaces/options.js';
import type { MergeFlags } from '../commands/merge-command.js';
import { EXIT, type ExitCode } from '../errors.js';
import { locateSession } from '../sessions/locate.js';
import { workspaceCall } from './workspace-call.js';

export async function runMerge(
  session: string,
  processId: string,
  flags: MergeFlags,
): Promise<ExitCode> {
  const sessionId = basename(locateSession(session, flags, 'merge'));
  const branch = worktreeBranch(sessionId, processId);
  const cwd = resolve(flags.cwd ?? process.cwd());
  const outcome = await workspaceCall(() =>
    mergeBranch(branch, { cwd, squash: flags.squash === true }),
  );
  if (flags.json) process.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
  else if (outcome.status === 'conflict') {
    process.stderr.write(
      [
        `conflict: ${outcome.message}.`,
        ...outcome.conflicts.map((file) => `  ${file}`),
        `Resolve it by hand (git merge ${branch}), or pick another process's work.`,
        '',
      ].join('\n'),
    );
  } else process.stdout.write(`${outcome.message} (HEAD ${outcome.head.slice(0, 12)})\n`);
  return outcome.status === 'conflict' ? EXIT.failed : EXIT.ok;
}
