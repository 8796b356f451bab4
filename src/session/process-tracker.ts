/**
 * How a session takes in a process (one it made, one made elsewhere, or a
 * task's try): its id is claimed, its tries are watched so one can be
 * cancelled by id, every try is recorded, the agent is told the per-process
 * budget, and the session's gate watches its cost and rate limits.
 */
import { AgentProcess } from '../process/agent-process.js';
import type { EventDraft } from '../events/types.js';
import { describeValue } from '../process/validate.js';
import type { Budget } from '../budget/budget.js';
import type { AgentDriver } from '../process/agent-driver.js';
import { recordProcess } from './recorder.js';
import { RunningTries } from './running-tries.js';
import type { SessionGate } from './session-gate.js';

/** What the tracker needs of its session. */
export interface TrackerParts {
  /** Throws when the session is closed or the id is taken. */
  assertUsable(processId: string): void;
  /** Claims the id and gives it a place in the summary. */
  claim(processId: string): void;
  record(draft: EventDraft): void;
  /** The session's gate and budget (made after the tracker, so asked for when needed). */
  limits(): { gate: SessionGate | null; budget: Budget | null };
}

export class ProcessTracker {
  private readonly running = new RunningTries();

  constructor(private readonly parts: TrackerParts) {}

  track<T extends AgentProcess>(process: T): T {
    if (!(process instanceof AgentProcess)) {
      throw new TypeError(
        `Expected an AgentProcess (ClaudeProcess, CommandProcess, ...), got ${describeValue(process)}`,
      );
    }
    const { parts } = this;
    parts.assertUsable(process.processId);
    parts.claim(process.processId);
    // Watched first, so a listener of its 'process-start' record can already cancel it.
    this.running.watch(process);
    recordProcess(process, (draft) => parts.record(draft));
    const { gate, budget } = parts.limits();
    const budgetArgs = perProcessBudgetArgs(process.driver, budget);
    if (budgetArgs.length > 0) process.addArgs(budgetArgs);
    gate?.watch(process, budgetArgs.length > 0);
    return process;
  }

  /** Cancels the current try of one process (running, or waiting to start); false when it has ended. */
  cancel(processId: string, reason: string): boolean {
    return this.running.cancel(processId, reason);
  }
}

/** The arguments that make an agent keep to the per-process budget itself (claude: --max-budget-usd). */
export function perProcessBudgetArgs(driver: AgentDriver, budget: Budget | null): string[] {
  const max = budget?.limits.maxCostPerProcessUsd ?? null;
  return max === null ? [] : (driver.budgetArgs?.(max) ?? []);
}
