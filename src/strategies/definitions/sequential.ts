/**
 * The registry's entry for runSequential (run-sequential.ts): names, help text, the options it
 * takes. The runner is imported only when the strategy runs, so declaring the
 * CLI's commands stays cheap.
 */
import type { StrategyDefinition } from '../definition.js';

export const sequentialStrategy: StrategyDefinition = {
  name: 'sequential',
  runner: 'runSequential',
  summary: 'run the prompts one after another, in order',
  example:
    'orchestrate sequential --pass-output "Write a plan" "Review the plan" "Summarise the review"',
  page: 'sequential.md',
  takes: ['retry', 'passOutput', 'stopOnFailure'],
  refuses: { maxWorkers: 'sequential runs one process at a time' },
  run: async (tasks, { maxWorkers: _maxWorkers, ...options }) => ({
    results: await (await import('../run-sequential.js')).runSequential(tasks, options),
    final: null,
  }),
};
