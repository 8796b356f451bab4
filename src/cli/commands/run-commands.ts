/**
 * Declares `parallel`, `sequential`, `fallback` and `batch`. Declaring is cheap;
 * the run itself (strategies, claude, the live view) is imported only when one
 * of them is invoked.
 */
import type { Command } from 'commander';
import {
  addSharedRunFlags,
  addStrategyFlags,
  type RawRunFlags,
  type StrategyName,
} from '../options/run-flags.js';
import { addDashboardRunFlags } from '../options/dashboard-flags.js';
import type { CommandContext } from './context.js';

const DESCRIPTIONS: Record<StrategyName, string> = {
  parallel: 'run every prompt at once (at most -j at a time)',
  sequential: 'run the prompts one after another, in order',
  fallback:
    'try attempts in order until one succeeds: one prompt with one attempt per --model, or several prompts',
  batch: 'run the prompts in batches of --batch-size, each batch all at once',
};

const EXAMPLES: Record<StrategyName, string> = {
  parallel:
    'orchestrate parallel -j 2 "Summarise the README" "List three risks" "Propose a test plan"',
  sequential:
    'orchestrate sequential --pass-output "Write a plan" "Review the plan" "Summarise the review"',
  fallback: 'orchestrate fallback --timeout 5m --model opus --model sonnet "Fix the failing test"',
  batch: 'orchestrate batch --batch-size 4 --prompts-file tasks.jsonl',
};

export function registerRunCommands(program: Command, context: CommandContext): void {
  for (const strategy of Object.keys(DESCRIPTIONS) as StrategyName[]) {
    const command = program
      .command(strategy)
      .description(DESCRIPTIONS[strategy])
      .argument('[prompts...]', 'prompts to run; - reads more from stdin, one per line');
    addSharedRunFlags(command, strategy);
    addStrategyFlags(command, strategy);
    addDashboardRunFlags(command);
    command.usage('[options] [prompts...] [-- claude args...]');
    command.addHelpText(
      'after',
      `\nExample:\n  ${EXAMPLES[strategy]}\n\nArguments after -- go to claude as they are, e.g. -- --allowedTools Write.`,
    );
    command.action(async (prompts: string[], flags: RawRunFlags) => {
      const { runStrategyCommand } = await import('../run/run-strategy-command.js');
      context.exitCode = await runStrategyCommand(strategy, prompts, flags, context.extraArgs);
    });
  }
}
