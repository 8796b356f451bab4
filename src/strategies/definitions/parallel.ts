/**
 * The registry's entry for runParallel (run-parallel.ts): names, help text, the options it
 * takes. The runner is imported only when the strategy runs, so declaring the
 * CLI's commands stays cheap.
 */
import type { StrategyDefinition } from '../definition.js';

export const parallelStrategy: StrategyDefinition = {
  name: 'parallel',
  runner: 'runParallel',
  summary: 'run every prompt at once (at most -j at a time)',
  example:
    'orchestrate parallel -j 2 "Summarise the README" "List three risks" "Propose a test plan"',
  page: 'parallel.md',
  takes: ['maxWorkers', 'retry'],
  run: async (tasks, options) => ({
    results: await (await import('../run-parallel.js')).runParallel(tasks, options),
    final: null,
  }),
};
