/**
 * Declares one command per pattern of the registry: n-version, cascade, debate,
 * panel, each with the pattern flags and the run's dashboard flags.
 */
import type { Command } from 'commander';
import { PATTERNS } from '../../patterns/registry.js';
import { addDashboardRunFlags, type RawDashboardRunFlags } from '../options/dashboard-flags.js';
import { addPatternFlags, type RawPatternFlags } from '../patterns/pattern-flags.js';
import type { CommandContext } from './context.js';

export function registerPatternCommands(program: Command, context: CommandContext): void {
  for (const { name, summary, example } of PATTERNS) {
    const command = program
      .command(name)
      .description(summary)
      .argument('<task>', 'the task or question');
    addPatternFlags(command, name);
    addDashboardRunFlags(command);
    command.usage('[options] <task> [-- agent args...]');
    command.addHelpText(
      'after',
      `\nExample:\n  ${example}\n\nSee docs/patterns.md for the cost of each pattern in model requests.`,
    );
    command.action(async (task: string, flags: RawPatternFlags & RawDashboardRunFlags) => {
      const { runPatternCommand } = await import('../patterns/run-pattern-command.js');
      context.exitCode = await runPatternCommand(name, task, flags, context.extraArgs);
    });
  }
}
