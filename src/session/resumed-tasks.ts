/**
 * The tasks a resumed session runs again (docs/limits.md#resume). Their tries
 * go on numbering after the earlier run's, so every try's log is kept. A task
 * whose last try left a conversation its agent can continue (claude's
 * `--resume <session_id>`) continues it on every try of this run; the agent
 * then reports the conversation's cumulative cost, so each try is given what
 * the conversation had cost before it (`costBaseUsd`) and is charged the rest.
 */
import type { AgentDriver } from '../process/agent-driver.js';
import type { ProcessResult } from '../process/result.js';
import type { ResumeTask } from './resume-plan.js';

interface Resumed {
  /** Tries of the task before this run. */
  earlier: number;
  /** The agent's conversation to continue, or null. */
  conversation: string | null;
  /** What that conversation has cost so far, this run's tries included. */
  costUsd: number;
}

export class ResumedTasks {
  private readonly tasks = new Map<string, Resumed>();

  /** `conversations: false` starts every task afresh (the agent's history is gone: a mock HOME). */
  constructor(tasks: readonly ResumeTask[], conversations: boolean) {
    for (const task of tasks) {
      const conversation = conversations ? task.agentSessionId : null;
      this.tasks.set(task.spec.id, {
        earlier: task.attempt - 1,
        conversation,
        costUsd: conversation === null ? 0 : task.costBaseUsd,
      });
    }
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
    return { extraArgs: driver.resumeArgs(task.conversation), costBaseUsd: task.costUsd };
  }

  /** A try ended: what it added to the conversation counts before the next try. */
  ended(taskId: string, result: ProcessResult): void {
    const task = this.tasks.get(taskId);
    if (task?.conversation && result.sessionId === task.conversation && result.costUsd !== null)
      task.costUsd += result.costUsd;
  }
}
