/**
 * Budget options, normalized once: messages name the option, the value and
 * what is accepted.
 */
import { describeValue } from '../process/validate.js';

export interface BudgetOptions {
  /** The session stops starting tries once spent + running cost reaches this (USD). */
  maxCostUsd?: number;
  /** Each try may cost this much (USD): passed to agents that enforce it, enforced from the stream otherwise. */
  maxCostPerProcessUsd?: number;
  /** Past the session's budget: let running tries finish (default) or cancel them. */
  action?: 'finish' | 'cancel';
}

export interface NormalizedBudget {
  maxCostUsd: number | null;
  maxCostPerProcessUsd: number | null;
  action: 'finish' | 'cancel';
}

function usd(name: string, value: unknown): number | null {
  if (value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  throw new TypeError(
    `Expected \`budget.${name}\` to be a positive number of US dollars, got ${describeValue(value)}`,
  );
}

export function normalizeBudget(options: BudgetOptions): NormalizedBudget {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(
      `Expected \`budget\` to be an object like { maxCostUsd: 5 }, got ${describeValue(options)}`,
    );
  }
  const action = options.action ?? 'finish';
  if (action !== 'finish' && action !== 'cancel') {
    throw new TypeError(
      `Expected \`budget.action\` to be 'finish' or 'cancel', got ${describeValue(action)}`,
    );
  }
  return {
    maxCostUsd: usd('maxCostUsd', options.maxCostUsd),
    maxCostPerProcessUsd: usd('maxCostPerProcessUsd', options.maxCostPerProcessUsd),
    action,
  };
}
