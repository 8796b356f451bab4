/**
 * Declares one run command per registered strategy (`parallel`, `sequential`,
 * `fallback`, `batch`, ...). Declaring is cheap; the run itself (claude, the
 * live view) is imported only when one of them is invoked.
 */
import type { Command } from 'commander';
import { listStrategies } from '../../strategies/registry.js';
import { addSharedRunFlags, addStrategyFlags, type RawRunFlags } from '../options/run-flags.js';
import { addDashboardRunFlags } from '../options/dashboard-flags.js';
import { addLimitFlags } from '../options/limit-flags.js';
import type { CommandContext } from './context.js';

export function registerRunCommands(program: Command, context: CommandContext): void {
  for (const { name: strategy, summary, example } of listStrategies()) {
    const command = program
      .command(strategy)
      .description(summary)
      .argument('[prompts...]', 'prompts to run; - reads more from stdin, one per line');
    addSharedRunFlags(command, strategy);
    addStrategyFlags(command, strategy);
    addDashboardRunFlags(command);
    addLimitFlags(command);
    command.usage('[options] [prompts...] [-- claude args...]');
    command.addHelpText(
      'after',
      `\nExample:\n  ${example}\n\nArguments after -- go to claude as they are, e.g. -- --allowedTools Write.`,
    );
    command.action(async (prompts: string[], flags: RawRunFlags) => {
      const { runStrategyCommand } = await import('../run/run-strategy-command.js');
      context.exitCode = await runStrategyCommand(strategy, prompts, flags, context.extraArgs);
    });
  }
}
