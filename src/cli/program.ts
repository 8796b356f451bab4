/**
 * The command tree and its error handling: parses argv with commander, runs
 * the chosen command, and turns every way of ending into an exit code: 0 all
 * succeeded, 1 a process failed, 2 usage error, 128 + N ended by signal N
 * (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP), 141 the output was closed.
 */
import { Command, CommanderError } from 'commander';
import { registerDashboardCommand } from './commands/dashboard-command.js';
import { registerCompletionCommand } from './commands/completion-command.js';
import { registerConfigCommand } from './commands/config-command.js';
import { registerLogsCommand } from './commands/logs-command.js';
import { registerRunCommands } from './commands/run-commands.js';
import { registerResumeCommand } from './commands/resume-command.js';
import { registerSessionsCommand } from './commands/sessions-command.js';
import { registerWorktreesCommand } from './commands/worktrees-command.js';
import { registerMergeCommand } from './commands/merge-command.js';
import { registerPatternCommands } from './commands/pattern-commands.js';
import { registerWorkerCommand } from './commands/worker-command.js';
import type { CommandContext } from './commands/context.js';
import { splitExtraArgs } from './argv.js';
import { CLIError, EXIT, type ExitCode } from './errors.js';
import { packageVersion } from './version.js';

export function buildProgram(context: CommandContext): Command {
  const program = new Command('orchestrate')
    .description(
      'Run fleets of claude agents in parallel, in sequence, with fallback or in batches.',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      '\nExit codes: 0 all succeeded, 1 a process failed, 2 usage error, 130 Ctrl-C, 143 SIGTERM,\n' +
        '129 SIGHUP, 131 SIGQUIT (every process cancelled first), 141 the output was closed.\n' +
        'Try it without an account: orchestrate parallel --mock-model "Say hello" "Say goodbye"',
    );
  registerRunCommands(program, context);
  registerResumeCommand(program, context);
  registerSessionsCommand(program, context);
  registerLogsCommand(program, context);
  registerDashboardCommand(program, context);
  registerWorktreesCommand(program, context);
  registerMergeCommand(program, context);
  registerPatternCommands(program, context);
  registerConfigCommand(program, context);
  registerWorkerCommand(program, context);
  registerCompletionCommand(program, context);
  for (const command of allCommands(program)) command.showHelpAfterError(usageHint(command));
  return program;
}

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

function fullName(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

function usageHint(command: Command): string {
  return `Usage: ${fullName(command)} ${command.usage()}\nRun "${fullName(command)} --help" for every flag.`;
}

function findCommand(program: Command, path: string | undefined): Command {
  if (!path) return program;
  let found = program;
  for (const name of path.split(' '))
    found = found.commands.find((c) => c.name() === name) ?? found;
  return found;
}

/** Runs the CLI on argv (without node and the script) and returns the exit code. */
export async function main(argv: string[]): Promise<ExitCode> {
  const { own, extra } = splitExtraArgs(argv);
  const context: CommandContext = { extraArgs: extra, exitCode: EXIT.ok };
  const program = buildProgram(context);
  try {
    await program.parseAsync(own, { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof CLIError) {
      process.stderr.write(`error: ${error.message}\n`);
      if (error.exitCode === EXIT.usage)
        process.stderr.write(`${usageHint(findCommand(program, error.command))}\n`);
      return error.exitCode;
    }
    const message =
      error instanceof Error
        ? process.env.ORCHESTRATE_DEBUG
          ? error.stack
          : error.message
        : String(error);
    process.stderr.write(`error: ${message}\n`);
    return EXIT.failed;
  }
}
