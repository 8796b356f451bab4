/**
 * Declares `sessions` (the past runs), `sessions show ID` (one run in detail)
 * and `sessions prune` (remove old runs).
 */
import type { Command } from 'commander';
import { usageError } from '../errors.js';
import type { PruneFlags } from '../sessions/prune-sessions.js';
import type { CommandContext } from './context.js';

export interface SessionsFlags {
  logDir?: string;
  cwd?: string;
  json?: boolean;
  since?: string;
}

const LOG_DIR_HELP = 'where session folders are (default: .orchestrate/sessions under --cwd)';

export function registerSessionsCommand(program: Command, context: CommandContext): void {
  const sessions = program
    .command('sessions')
    .description('list past runs: status, start, duration, processes, cost (newest first)')
    .option('--log-dir <dir>', LOG_DIR_HELP)
    .option('--cwd <dir>', 'the working directory the runs used (default: the current directory)')
    .option('--json', 'print the list as one JSON document')
    .option(
      '--since <age>',
      'only the runs started since then: 7d, 12h, 2w, or a date (2026-11-01)',
    )
    .action(async (flags: SessionsFlags) => {
      noExtraArgs(context, 'sessions');
      const { runSessionsList } = await import('../sessions/list-sessions.js');
      context.exitCode = await runSessionsList(flags);
    });
  sessions
    .command('show')
    .description(
      'show one run: its processes with status, duration, tokens and cost, and its files',
    )
    .argument('<id>', 'a session id (or a unique start of one), or "last"')
    .option('--log-dir <dir>', LOG_DIR_HELP)
    .option('--cwd <dir>', 'the working directory the run used (default: the current directory)')
    .option('--json', "print the session's summary as one JSON document")
    .action(async (id: string, _flags: SessionsFlags, command: Command) => {
      noExtraArgs(context, 'sessions show');
      // `sessions --log-dir X show ID` and `sessions show ID --log-dir X` both work.
      const flags = command.optsWithGlobals<SessionsFlags>();
      const { runSessionsShow } = await import('../sessions/show-session.js');
      context.exitCode = await runSessionsShow(id, flags);
    });
  sessions
    .command('prune')
    .description(
      'remove the session folders started before --older-than; never one that may still be running',
    )
    .option('--older-than <age>', 'how old a session must be to go: 30d, 12h, 2w')
    .option('--dry-run', 'list what would be removed, remove nothing')
    .option('--log-dir <dir>', LOG_DIR_HELP)
    .option('--cwd <dir>', 'the working directory the runs used (default: the current directory)')
    .option('--json', 'print what was removed and kept as one JSON document')
    .action(async (_flags: PruneFlags, command: Command) => {
      noExtraArgs(context, 'sessions prune');
      const flags = command.optsWithGlobals<PruneFlags>();
      const { runSessionsPrune } = await import('../sessions/prune-sessions.js');
      context.exitCode = await runSessionsPrune(flags);
    });
}

export function noExtraArgs(context: CommandContext, command: string): void {
  if (context.extraArgs.length > 0) {
    throw usageError(
      'arguments after -- go to claude and apply only to parallel, sequential, fallback and batch',
      command,
    );
  }
}
