/**
 * What a session has spent and may still spend. Each try's cost is the
 * cumulative figure its agent reports (claude's `total_cost_usd`): while it
 * runs, the latest report replaces the one before (never added to it); when
 * it ends, its result's cost moves to `spent`. Tries with no reported cost
 * count 0.
 */
import { formatCost } from '../process/format.js';
import type { NormalizedBudget } from './options.js';

export class Budget {
  private spent = 0;
  private readonly running = new Map<string, number>();

  constructor(readonly limits: NormalizedBudget) {}

  /** Spent by ended tries plus what running ones reported so far (USD). */
  get committedUsd(): number {
    let sum = this.spent;
    for (const cost of this.running.values()) sum += cost;
    return sum;
  }

  /** Why no new try may start, or null while the session's budget has room. */
  refusal(): string | null {
    const max = this.limits.maxCostUsd;
    if (max === null || this.committedUsd < max) return null;
    return `skipped: the session budget of ${formatCost(max)} is spent (${formatCost(this.committedUsd)} spent or running; --max-cost)`;
  }

  /** A try of task `key` started. */
  begin(key: string): void {
    this.running.set(key, 0);
  }

  /**
   * A running try reported its cost so far. Says which budget it passed:
   * 'process' (its own), 'session', or null.
   */
  report(key: string, cumulativeUsd: number): 'process' | 'session' | null {
    if (!this.running.has(key)) return null;
    this.running.set(key, cumulativeUsd);
    const perProcess = this.limits.maxCostPerProcessUsd;
    if (perProcess !== null && cumulativeUsd > perProcess) return 'process';
    if (this.limits.maxCostUsd !== null && this.committedUsd >= this.limits.maxCostUsd)
      return 'session';
    return null;
  }

  /** A try ended with `costUsd` (null: unreported, counted as what it reported so far). */
  end(key: string, costUsd: number | null): void {
    const soFar = this.running.get(key) ?? 0;
    this.running.delete(key);
    this.spent += costUsd ?? soFar;
  }
}
