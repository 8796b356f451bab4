/**
 * The session's gate in every strategy's start path (strategies/start-gate.ts):
 * the budget refuses new tries once spent, the admission controller holds
 * them while the account's limit is rejecting and past the concurrency it has
 * learnt, and a try the rate limit refused runs again (not a spent try) until
 * it has waited `maxWaitMs` in all. It reads every process of the session
 * (`watch`, from `track`) through its driver: rate-limit signals and cost so
 * far. What it does becomes `limit` records.
 */
import type { AdmissionController, AdmissionTicket, Settlement } from '../admission/controller.js';
import { clockTime, pausedWords } from '../admission/words.js';
import type { Budget } from '../budget/budget.js';
import type { EventDraft } from '../events/types.js';
import type { AgentDriver } from '../process/agent-driver.js';
import type { AgentProcess } from '../process/agent-process.js';
import { formatCost, formatDuration } from '../process/format.js';
import type { ProcessResult } from '../process/result.js';
import type { GateEntry, GatePass, GateVerdict, StartGate } from '../strategies/start-gate.js';
import { limitRecorder } from './limit-records.js';

export interface SessionGateParts {
  admission: AdmissionController | null;
  budget: Budget | null;
  maxWaitMs: number;
  record: (draft: EventDraft) => void;
}

export class SessionGate implements StartGate {
  /** When each task was first refused by the rate limit (for maxWaitMs). */
  private readonly limitedSince = new Map<string, number>();
  /** The admitted try of each task. */
  private readonly tickets = new Map<string, AdmissionTicket | null>();
  /** The running process of each task. */
  private readonly running = new Map<string, AgentProcess>();
  /** Tasks whose agent keeps to the per-process budget itself (claude's --max-budget-usd). */
  private readonly selfEnforced = new Set<string>();
  private readonly limit: ReturnType<typeof limitRecorder>;
  /** Told of each rate-limit pause (a queue executor holds its workers' starts too). */
  private readonly pauseListeners: ((until: Date) => void)[] = [];
  /** Set once the session's budget is spent. */
  budgetReached = false;

  constructor(private readonly parts: SessionGateParts) {
    this.limit = limitRecorder(parts.record);
    parts.admission?.onChange((change) => {
      if (change.action === 'pause') {
        this.limit('pause', pausedWords(change.until, change.limitType), {
          until: change.until.toISOString(),
          limitType: change.limitType,
        });
        for (const listener of this.pauseListeners) listener(change.until);
      } else if (change.action === 'resume') {
        this.limit('resume', 'resumed: the rate limit has reset', {});
      } else {
        this.limit('concurrency', `concurrency ${change.concurrency}: ${change.reason}`, {
          concurrency: change.concurrency,
        });
      }
    });
  }

  /** Calls `listener` with the end of each rate-limit pause the admission controller makes. */
  onPause(listener: (until: Date) => void): void {
    this.pauseListeners.push(listener);
  }

  /** Reads every try of `process` (its retries are clones that keep these listeners). */
  watch(process: AgentProcess, selfEnforcedBudget = false): void {
    if (selfEnforcedBudget) this.selfEnforce(process.processId);
    const running = this.running;
    const read = (process: AgentProcess, event: Record<string, unknown>) =>
      this.read(process, event);
    process.on('start', function (this: AgentProcess) {
      running.set(this.processId, this);
    });
    process.on('agent-event', function (this: AgentProcess, event: Record<string, unknown>) {
      read(this, event);
    });
    process.on('end', function (this: AgentProcess) {
      if (running.get(this.processId) === this) running.delete(this.processId);
    });
  }

  /** Task `processId`'s agent keeps to the per-process budget itself: the gate leaves it that. */
  selfEnforce(processId: string): void {
    this.selfEnforced.add(processId);
  }

  async enter(
    taskId: string,
    signal: AbortSignal | null,
    entry: GateEntry = {},
  ): Promise<GatePass> {
    const early = this.refusal();
    if (early) return early;
    const admitted = await this.admit(taskId, signal, entry);
    if (admitted && 'until' in admitted) {
      this.limitedSince.delete(taskId);
      const message = `failed: rate limited (${admitted.limit}); starting at ${clockTime(admitted.until)} would pass --max-wait ${formatDuration(this.parts.maxWaitMs)}`;
      return { kind: 'refused', status: 'failed', message };
    }
    const ticket = admitted;
    const late = this.refusal();
    if (late) {
      ticket?.release();
      return late;
    }
    this.tickets.set(taskId, ticket);
    this.parts.budget?.begin(taskId);
    return {
      kind: 'admitted',
      leave: (result) => {
        this.tickets.delete(taskId);
        const budget = this.parts.budget;
        budget?.end(taskId, result.costUsd);
        if (budget?.refusal()) this.reachBudget(budget);
        return this.verdict(taskId, result, ticket?.settle(result));
      },
    };
  }

  /** Admission's ticket for task `taskId`'s next try; time the rate limit holds it counts toward its --max-wait. */
  private async admit(taskId: string, signal: AbortSignal | null, entry: GateEntry) {
    if (!this.parts.admission) return null;
    const wait = { since: this.limitedSince.get(taskId) ?? null, maxWaitMs: this.parts.maxWaitMs };
    const admitted = await this.parts.admission.admit(signal, wait, entry);
    if (wait.since !== null) this.limitedSince.set(taskId, wait.since);
    return admitted;
  }

  /**
   * An agent event of task `processId`'s running try, read through `driver`:
   * its rate-limit signals and cost (a try on a queue's worker is read this
   * way too). `fail` ends the try when it is over its own budget.
   * `costBaseUsd`: what a resumed conversation cost before this try (its
   * agent reports the cumulative cost; this try spent the rest).
   */
  readEvent(
    processId: string,
    driver: AgentDriver,
    event: Record<string, unknown>,
    fail: (reason: string) => void,
    costBaseUsd = 0,
  ): void {
    const signal = driver.rateLimitOf?.(event);
    if (signal) this.tickets.get(processId)?.observe(signal);
    const reported = driver.costOf?.(event);
    const budget = this.parts.budget;
    if (typeof reported !== 'number' || !budget) return;
    const cost = Math.max(0, reported - costBaseUsd);
    const over = budget.report(processId, cost);
    const perProcess = budget.limits.maxCostPerProcessUsd;
    if (over === 'process' && perProcess !== null && !this.selfEnforced.has(processId)) {
      fail(
        `over its budget of ${formatCost(perProcess)} (${formatCost(cost)} so far; --max-cost-per-process)`,
      );
    } else if (over === 'session') this.reachBudget(budget);
  }

  private read(process: AgentProcess, event: Record<string, unknown>): void {
    this.readEvent(
      process.processId,
      process.driver,
      event,
      (reason) => process.fail(reason),
      process.costBaseUsd,
    );
  }

  private refusal(): Extract<GatePass, { kind: 'refused' }> | null {
    const budget = this.parts.budget;
    const message = budget?.refusal();
    if (!budget || !message) return null;
    this.reachBudget(budget);
    return { kind: 'refused', status: 'skipped', message };
  }

  private reachBudget(budget: Budget): void {
    if (this.budgetReached) return;
    this.budgetReached = true;
    const { maxCostUsd, maxCostPerProcessUsd, action } = budget.limits;
    const spentUsd = budget.committedUsd;
    const max = formatCost(maxCostUsd ?? 0);
    const then = action === 'cancel' ? 'running tasks are cancelled' : 'running tasks may finish';
    this.limit(
      'budget-reached',
      `budget reached: ${formatCost(spentUsd)} of ${max} spent or running; no more starts, ${then}`,
      { maxCostUsd, maxCostPerProcessUsd, spentUsd },
    );
    if (action === 'cancel')
      for (const process of this.running.values())
        process.cancel(`the session budget of ${max} is spent`);
  }

  private verdict(taskId: string, result: ProcessResult, settled?: Settlement): GateVerdict {
    if (!settled?.rateLimited || !settled.retryAt || result.status === 'cancelled') {
      this.limitedSince.delete(taskId);
      return { kind: 'done', result };
    }
    const now = Date.now();
    const since = this.limitedSince.get(taskId) ?? now;
    this.limitedSince.set(taskId, since);
    const retryAt = settled.retryAt.getTime();
    if (retryAt - since > this.parts.maxWaitMs) {
      this.limitedSince.delete(taskId);
      const message = `failed: rate limited (${settled.limit}); running again at ${clockTime(settled.retryAt)} would pass --max-wait ${formatDuration(this.parts.maxWaitMs)}`;
      return { kind: 'done', result: { ...result, status: 'failed', message } };
    }
    return {
      kind: 'again',
      delayMs: Math.max(0, retryAt - now),
      reason: `rate limited (${settled.limit}): not a spent try`,
    };
  }
}
