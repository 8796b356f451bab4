/** Declares `completion bash|zsh|fish`: prints a shell completion script made from the command tree. */
import type { Command } from 'commander';
import { badFlag } from '../errors.js';
import { completionScript, SHELLS, type Shell } from '../completion/completion-script.js';
import type { CommandContext } from './context.js';
import { noExtraArgs } from './sessions-command.js';

export function registerCompletionCommand(program: Command, context: CommandContext): void {
  program
    .command('completion')
    .description('print a shell completion script: source <(orchestrate completion bash)')
    .argument('<shell>', SHELLS.join(', '))
    .action((shell: string) => {
      noExtraArgs(context, 'completion');
      if (!(SHELLS as readonly string[]).includes(shell))
        throw badFlag('<shell>', shell, SHELLS.join(', '), 'completion');
      process.stdout.write(completionScript(program, shell as Shell));
    });
}
