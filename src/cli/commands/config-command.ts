/** Declares `config`: the defaults in force and where each comes from. */
import type { Command } from 'commander';
import type { ConfigFlags } from '../config/show-config.js';
import type { CommandContext } from './context.js';
import { noExtraArgs } from './sessions-command.js';

export function registerConfigCommand(program: Command, context: CommandContext): void {
  program
    .command('config')
    .description(
      'show the defaults in force (agent, model, -j, timeouts, log dir, prices) and where each comes from',
    )
    .option(
      '--cwd <dir>',
      'the folder whose project config to read (default: the current directory)',
    )
    .option('--json', 'print the settings and files as one JSON document')
    .action(async (flags: ConfigFlags) => {
      noExtraArgs(context, 'config');
      const { runConfigShow } = await import('../config/show-config.js');
      context.exitCode = runConfigShow(flags);
    });
}
