/**
 * The flags of admission and budgets (docs/limits.md): declared here, checked
 * here, each error naming the flag, the value and the fix.
 */
import type { Command } from 'commander';
import type { AdmissionOptions } from '../../admission/options.js';
import type { BudgetOptions } from '../../budget/options.js';
import { badFlag } from '../errors.js';
import { DURATION_ACCEPTED, parseDuration } from './duration.js';

export interface RawLimitFlags {
  maxCost?: string;
  maxCostPerProcess?: string;
  budgetAction?: string;
  maxWait?: string;
  /** commander's --no-admission. */
  admission?: boolean;
  /** commander's --no-slow-start. */
  slowStart?: boolean;
}

export interface LimitConfig {
  /** Admission options, or false for --no-admission. */
  admission: AdmissionOptions | false;
  budget: BudgetOptions | undefined;
}

export function addLimitFlags(command: Command): Command {
  return command
    .option('--max-cost <usd>', 'stop starting processes once the session has spent this (USD)')
    .option(
      '--max-cost-per-process <usd>',
      'end a process that spends more than this (USD); claude enforces it itself (--max-budget-usd)',
    )
    .option(
      '--budget-action <action>',
      'once --max-cost is reached: finish (running processes finish; default) or cancel',
    )
    .option(
      '--max-wait <duration>',
      'how long one task may wait for rate-limit resets before it fails (default: 6h)',
    )
    .option(
      '--no-admission',
      'do not pause on rate limits or adapt concurrency: a rate-limited run is a failure',
    )
    .option(
      '--no-slow-start',
      'start up to -j at once, not one first until the account reports its limits (at most 10s)',
    );
}

function usd(flag: string, value: string, command: string): number {
  const amount = Number(value.trim().replace(/^\$/, ''));
  if (value.trim() === '' || !Number.isFinite(amount) || amount <= 0)
    throw badFlag(flag, value, 'a positive amount in US dollars, e.g. 5 or 0.50', command);
  return amount;
}

export function normalizeLimitFlags(
  raw: RawLimitFlags,
  command: string,
  maxWorkers: number | undefined,
): LimitConfig {
  const budget: BudgetOptions = {};
  if (raw.maxCost !== undefined) budget.maxCostUsd = usd('--max-cost', raw.maxCost, command);
  if (raw.maxCostPerProcess !== undefined)
    budget.maxCostPerProcessUsd = usd('--max-cost-per-process', raw.maxCostPerProcess, command);
  if (raw.budgetAction !== undefined) {
    if (raw.budgetAction !== 'finish' && raw.budgetAction !== 'cancel')
      throw badFlag('--budget-action', raw.budgetAction, '"finish" or "cancel"', command);
    if (budget.maxCostUsd === undefined)
      throw badFlag(
        '--budget-action',
        raw.budgetAction,
        'it together with --max-cost (the budget it acts on)',
        command,
      );
    budget.action = raw.budgetAction;
  }
  const admission: AdmissionOptions = {};
  if (maxWorkers !== undefined) admission.maxConcurrency = maxWorkers;
  if (raw.maxWait !== undefined) {
    const ms = parseDuration(raw.maxWait);
    if (ms === null) throw badFlag('--max-wait', raw.maxWait, DURATION_ACCEPTED, command);
    admission.maxWaitMs = ms;
  }
  if (raw.slowStart === false) admission.slowStart = false;
  if (raw.admission === false && raw.maxWait !== undefined)
    throw badFlag(
      '--max-wait',
      raw.maxWait,
      'no --no-admission (nothing waits without admission)',
      command,
    );
  return {
    admission: raw.admission === false ? false : admission,
    budget: Object.keys(budget).length > 0 ? budget : undefined,
  };
}
