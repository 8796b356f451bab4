/** Declares the pattern commands: n-version, cascade, debate, panel. */
import type { Command } from 'commander';
import {
  addPatternFlags,
  type PatternName,
  type RawPatternFlags,
} from '../patterns/pattern-flags.js';
import type { CommandContext } from './context.js';

const PATTERNS: Record<PatternName, { description: string; example: string }> = {
  'n-version': {
    description:
      'N agents do the task in their own worktrees; a check and a reviewer pick the best',
    example: 'orchestrate n-version -n 3 --check "npm test" --merge "Fix the flaky test"',
  },
  cascade: {
    description: 'try tiers (models or agents) in order until one is accepted',
    example:
      'orchestrate cascade --models haiku,sonnet,opus --accept "grep -q PASS" "Triage the bug"',
  },
  debate: {
    description: 'perspectives answer over rounds, seeing each other; a facilitator synthesizes',
    example:
      'orchestrate debate --perspectives security,speed,simplicity --rounds 2 "Which queue?"',
  },
  panel: {
    description: 'experts answer in parallel; one aggregator combines them (votes with --options)',
    example: 'orchestrate panel --experts security,testing,ux "Review the login flow"',
  },
};

export function registerPatternCommands(program: Command, context: CommandContext): void {
  for (const [name, { description, example }] of Object.entries(PATTERNS) as Array<
    [PatternName, (typeof PATTERNS)[PatternName]]
  >) {
    const command = program
      .command(name)
      .description(description)
      .argument('<task>', 'the task or question');
    addPatternFlags(command, name);
    command.usage('[options] <task> [-- agent args...]');
    command.addHelpText(
      'after',
      `\nExample:\n  ${example}\n\nSee docs/patterns.md for the cost of each pattern in model requests.`,
    );
    command.action(async (task: string, flags: RawPatternFlags) => {
      const { runPatternCommand } = await import('../patterns/run-pattern-command.js');
      context.exitCode = await runPatternCommand(name, task, flags, context.extraArgs);
    });
  }
}
