/**
 * The tasks a resumed session runs again (docs/limits.md#resume). Their tries
 * go on numbering after the earlier run's, so every try's log is kept. A task
 * whose last try left a conversation its agent can continue (claude's and
 * gemini's `--resume <session_id>`, codex's `exec resume <thread_id>`)
 * continues it on every try of this run. claude and codex then report the
 * conversation's cumulative cost, so each try is given what the conversation
 * had cost before it (`costBaseUsd`) and is charged the rest.
 */
import type { AgentDriver } from '../process/agent-driver.js';
import type { ProcessResult } from '../process/result.js';
import { specDriver } from '../tasks/spec-driver.js';
import type { ResumeTask } from './resume-plan.js';

interface Resumed {
  /** Tries of the task before this run. */
  earlier: number;
  /** The agent's conversation to continue, or null. */
  conversation: string | null;
  /** What that conversation has cost so far, this run's tries included. */
  costUsd: number;
}

/** Why the resumed tasks' conversations are not continued, in words; null: they are, where the agent can. */
export type ConversationsOff = string | null;

export class ResumedTasks {
  private readonly tasks = new Map<string, Resumed>();

  /**
   * `off` says why every task starts afresh (the agent's history is gone: a
   * mock HOME; or the tries run on a backend's workers).
   */
  constructor(
    private readonly list: readonly ResumeTask[],
    private readonly off: ConversationsOff,
  ) {
    for (const task of list) {
      const conversation = off === null ? task.agentSessionId : null;
      this.tasks.set(task.spec.id, {
        earlier: task.attempt - 1,
        conversation,
        costUsd: conversation === null ? 0 : task.costBaseUsd,
      });
    }
  }

  /** For the session's log: which tasks continue a conversation, and which could but start afresh. */
  describe(): string {
    const named = (tasks: readonly ResumeTask[]) =>
      tasks.map((task) => `${task.spec.id} (${task.spec.agent})`).join(', ');
    const had = this.list.filter((task) => task.agentSessionId !== null);
    if (this.off !== null)
      return had.length === 0 ? '' : `; conversations not continued (${this.off}): ${named(had)}`;
    const continued = had.filter((task) => specDriver(task.spec).resumeArgs);
    return continued.length === 0 ? '' : `; continuing the conversations of ${named(continued)}`;
  }

  has(taskId: string): boolean {
    return this.tasks.has(taskId);
  }

  /** The attempt number of this run's try `n` of the task. */
  attempt(taskId: string, n: number): number {
    return n + (this.tasks.get(taskId)?.earlier ?? 0);
  }

  /** How a try continues the task's conversation through `driver`, or null (it starts afresh). */
  continuation(
    taskId: string,
    driver: AgentDriver,
  ): { extraArgs: string[]; costBaseUsd: number } | null {
    const task = this.tasks.get(taskId);
    if (!task?.conversation || !driver.resumeArgs) return null;
    // An agent that reports each run's own figures (gemini) is charged them as they are.
    const costBaseUsd = driver.resumeReportsTotals === false ? 0 : task.costUsd;
    return { extraArgs: driver.resumeArgs(task.conversation), costBaseUsd };
  }

  /** A try ended: what it added to the conversation counts before the next try. */
  ended(taskId: string, result: ProcessResult): void {
    const task = this.tasks.get(taskId);
    if (task?.conversation && result.sessionId === task.conversation && result.costUsd !== null)
      task.costUsd += result.costUsd;
  }
}
