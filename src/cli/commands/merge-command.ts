/** Declares `merge SESSION PROCESS`: a worktree run's branch into the current branch. */
import type { Command } from 'commander';
import type { CommandContext } from './context.js';
import { noExtraArgs } from './sessions-command.js';

export interface MergeFlags {
  squash?: boolean;
  cwd?: string;
  logDir?: string;
  json?: boolean;
}

export function registerMergeCommand(program: Command, context: CommandContext): void {
  program
    .command('merge')
    .description(
      "merge a process's worktree branch (orchestrate/<session>/<process>) into the current branch; a conflict aborts the merge (exit 1)",
    )
    .argument('<session>', 'a session id (or a unique start of one), or "last"')
    .argument('<process>', 'the process id whose work to merge')
    .option('--squash', 'one new commit with the changes instead of a merge commit')
    .option(
      '--cwd <dir>',
      'a folder of the checkout to merge into (default: the current directory)',
    )
    .option(
      '--log-dir <dir>',
      'where session folders are (default: .orchestrate/sessions under --cwd)',
    )
    .option('--json', 'print the outcome as one JSON document')
    .action(async (session: string, processId: string, flags: MergeFlags) => {
      noExtraArgs(context, 'merge');
      const { runMerge } = await import('../worktrees/merge-process.js');
      context.exitCode = await runMerge(session, processId, flags);
    });
}
