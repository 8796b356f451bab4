/** Declares `worktrees list` and `worktrees prune`: orchestrate's git worktrees in a repository. */
import type { Command } from 'commander';
import type { CommandContext } from './context.js';
import { noExtraArgs } from './sessions-command.js';

export interface WorktreesFlags {
  cwd?: string;
  json?: boolean;
  kept?: boolean;
}

const CWD_HELP = 'a folder of the repository (default: the current directory)';

export function registerWorktreesCommand(program: Command, context: CommandContext): void {
  const worktrees = program
    .command('worktrees')
    .description("orchestrate's git worktrees in this repository: list them, prune dead ones");
  worktrees
    .command('list')
    .description(
      'list the worktrees runs made: path, branch, state (live, stale, kept, missing), owner',
    )
    .option('--cwd <dir>', CWD_HELP)
    .option('--json', 'print the list as one JSON document')
    .action(async (flags: WorktreesFlags) => {
      noExtraArgs(context, 'worktrees list');
      const { runWorktreesList } = await import('../worktrees/list-worktrees.js');
      context.exitCode = await runWorktreesList(flags);
    });
  worktrees
    .command('prune')
    .description(
      'remove the worktrees of ended runs, committing what they held on their branches first; live runs are never touched',
    )
    .option('--cwd <dir>', CWD_HELP)
    .option('--kept', 'also remove worktrees kept with --keep-worktrees')
    .option('--json', 'print what was pruned as one JSON document')
    .action(async (flags: WorktreesFlags) => {
      noExtraArgs(context, 'worktrees prune');
      const { runWorktreesPrune } = await import('../worktrees/prune-worktrees.js');
      context.exitCode = await runWorktreesPrune(flags);
    });
}
