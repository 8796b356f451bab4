/** Declares `logs ID [processId] [-f] [--raw]`: a session's log, or one process's transcript (or raw log), optionally followed. */
import type { Command } from 'commander';
import type { CommandContext } from './context.js';
import { noExtraArgs } from './sessions-command.js';

export interface LogsFlags {
  logDir?: string;
  cwd?: string;
  follow?: boolean;
  raw?: boolean;
}

export function registerLogsCommand(program: Command, context: CommandContext): void {
  program
    .command('logs')
    .description("print a session's log, or one process's log")
    .argument('<id>', 'a session id (or a unique start of one), or "last"')
    .argument('[processId]', 'a process of that session, e.g. process-001')
    .option('-f, --follow', 'keep printing as the log grows, until the session (or process) ends')
    .option('--raw', "a process's log as the agent wrote it (JSON lines), not as a transcript")
    .option(
      '--log-dir <dir>',
      'where session folders are (default: .orchestrate/sessions under --cwd)',
    )
    .option('--cwd <dir>', 'the working directory the run used (default: the current directory)')
    .action(async (id: string, processId: string | undefined, flags: LogsFlags) => {
      noExtraArgs(context, 'logs');
      const { runLogs } = await import('../sessions/print-logs.js');
      context.exitCode = await runLogs(id, processId, flags);
    });
}
