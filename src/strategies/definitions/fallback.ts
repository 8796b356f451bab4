/**
 * The registry's entry for runWithFallback (run-with-fallback.ts): names, help text, the options it
 * takes. The runner is imported only when the strategy runs, so declaring the
 * CLI's commands stays cheap.
 */
import type { StrategyDefinition } from '../definition.js';

export const fallbackStrategy: StrategyDefinition = {
  name: 'fallback',
  runner: 'runWithFallback',
  summary:
    'try attempts in order until one succeeds: one prompt with one attempt per --model, or several prompts',
  example: 'orchestrate fallback --timeout 5m --model opus --model sonnet "Fix the failing test"',
  page: 'fallback.md',
  takes: [],
  refuses: {
    maxWorkers: 'fallback runs one attempt at a time',
    retry:
      'fallback moves on to the next attempt instead; add attempts with --model, or use parallel, sequential or batch',
  },
  alternatives: true,
  run: async (tasks, { maxWorkers: _maxWorkers, retry: _retry, ...options }) => {
    const { attempts, ...final } = await (
      await import('../run-with-fallback.js')
    ).runWithFallback(tasks, options);
    return { results: attempts, final };
  },
};
