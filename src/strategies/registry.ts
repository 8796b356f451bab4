/**
 * The one list of strategies: the CLI's run commands, their flags, the JSON
 * report and the docs table all read it. Adding a strategy is one file (its
 * runner and its definition; the built-in ones keep the definition apart so
 * the CLI loads no runner to declare its commands) and one line in BUILT_IN.
 */
import { describeValue } from '../process/validate.js';
import type { StrategyDefinition } from './definition.js';
import { batchedStrategy } from './definitions/batch.js';
import { fallbackStrategy } from './definitions/fallback.js';
import { parallelStrategy } from './definitions/parallel.js';
import { sequentialStrategy } from './definitions/sequential.js';

const BUILT_IN: StrategyDefinition[] = [
  parallelStrategy,
  sequentialStrategy,
  fallbackStrategy,
  batchedStrategy,
];

const strategies = new Map<string, StrategyDefinition>(BUILT_IN.map((s) => [s.name, s]));

/** Adds a strategy (or replaces one of the same name) for the CLI and reports. */
export function registerStrategy(definition: StrategyDefinition): void {
  if (
    definition === null ||
    typeof definition !== 'object' ||
    typeof definition.name !== 'string' ||
    !/^[a-z][a-z0-9-]*$/.test(definition.name) ||
    typeof definition.run !== 'function'
  ) {
    throw new TypeError(
      `Expected a strategy definition ({ name: 'my-strategy', run(tasks, options), ... }) with a lowercase name, got ${describeValue(definition)}`,
    );
  }
  strategies.set(definition.name, definition);
}

export function findStrategy(name: string): StrategyDefinition | undefined {
  return strategies.get(name);
}

export function getStrategy(name: string): StrategyDefinition {
  const found = strategies.get(name);
  if (!found)
    throw new TypeError(
      `Unknown strategy ${JSON.stringify(name)}; registered strategies: ${strategyNames().join(', ')}`,
    );
  return found;
}

export function strategyNames(): string[] {
  return [...strategies.keys()];
}

export function listStrategies(): StrategyDefinition[] {
  return [...strategies.values()];
}
