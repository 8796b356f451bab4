/**
 * The registry's entry for runBatched (run-batched.ts): names, help text, the options it
 * takes. The runner is imported only when the strategy runs, so declaring the
 * CLI's commands stays cheap.
 */
import type { StrategyDefinition } from '../definition.js';

export const batchedStrategy: StrategyDefinition = {
  name: 'batch',
  runner: 'runBatched',
  summary: 'run the prompts in batches of --batch-size, each batch all at once',
  example: 'orchestrate batch --batch-size 4 --prompts-file tasks.jsonl',
  page: 'batched.md',
  takes: ['retry', 'passOutput', 'batchSize'],
  refuses: { maxWorkers: 'batch runs each batch all at once; set its size with --batch-size' },
  run: async (tasks, { maxWorkers: _maxWorkers, batchSize = 4, ...options }) => ({
    results: await (await import('../run-batched.js')).runBatched(tasks, { ...options, batchSize }),
    final: null,
  }),
};
