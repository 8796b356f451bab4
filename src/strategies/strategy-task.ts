/**
 * What a strategy runs: one task, as a process object (the library's first
 * shape) or as a TaskSpec sent to an executor. Both give the strategy the same
 * three things: an id, a prompt it may change before the first try, and a way
 * to run try N that resolves for every outcome.
 */
import { join } from 'node:path';
import type { AgentProcess } from '../process/agent-process.js';
import { notStartedResult } from '../process/build-result.js';
import type { NotStarted, ProcessResult } from '../process/result.js';
import type { ExecuteOptions, Executor, RetryNotice, SettleOptions } from '../tasks/executor.js';
import { specDriver } from '../tasks/spec-driver.js';
import type { TaskSpec } from '../tasks/task-spec.js';
import { exceptionResult } from './exception-result.js';
import { runOnce } from './run-once.js';

export interface StrategyTask {
  readonly id: string;
  /** The prompt; strategies may change it before the first try. */
  prompt: string;
  /**
   * False when its agent draws on no account whose rate limits admission
   * watches (its driver reads none: no `rateLimitOf`, as for a plain
   * `command`); absent: taken as true.
   */
  readonly drawsOnAccount?: boolean;
  /** Runs try `attempt` (1-based); resolves for every outcome, never rejects. */
  runTry(attempt: number, signal: AbortSignal | null): Promise<ProcessResult>;
  /** Announces the next try; throws when it cannot be made (the strategy then stops retrying). */
  retrying(notice: RetryNotice): void;
  /** A copy whose tries end after `timeoutMs` (fallback's per-attempt limit). */
  withTimeout(timeoutMs: number): StrategyTask;
  /** Try `attempt`, not started: it ends as `notStarted` says (recorded like any try). */
  skip(attempt: number, notStarted: NotStarted): Promise<ProcessResult>;
  /** The failed result of a try that threw. */
  failure(error: unknown): ProcessResult;
  /** After the last try: the result to hand back (a spec's worktree released, its artifacts added). */
  settle?(result: ProcessResult): Promise<ProcessResult>;
  /** Ends this task alone, beside the strategy's signal (the executor's answer when it was queued). */
  signal?: AbortSignal;
}

/** A process object: the first try runs it, each retry runs a clone with the next attempt number. */
export function processTask(process: AgentProcess): StrategyTask {
  let current = process;
  return {
    id: process.processId,
    get prompt() {
      return current.prompt;
    },
    set prompt(value: string) {
      current.prompt = value;
    },
    drawsOnAccount: process.driver.rateLimitOf !== undefined,
    runTry: (_attempt, signal) => runOnce(current, signal),
    skip(_attempt, { message, status }) {
      current.skip(message, status);
      return runOnce(current, null);
    },
    retrying(notice) {
      const running = current;
      current = running.clone({ attempt: notice.attempt });
      try {
        running.emit('retry', { processId: running.processId, ...notice });
      } catch {
        // A listener's failure must not stop the retry it was told about.
      }
    },
    withTimeout: (timeoutMs) => processTask(process.clone({ timeoutMs })),
    failure: (error) => exceptionResult(current, error),
  };
}

/** Whether a spec's agent reads rate limits from its stream (an unknown agent: taken as yes). */
function specDrawsOnAccount(spec: TaskSpec): boolean {
  try {
    return specDriver(spec).rateLimitOf !== undefined;
  } catch {
    return true;
  }
}

/** Where a spec's tries run, and what they are given. */
export type SpecRun = Pick<ExecuteOptions, 'onEvent' | 'streamOutput' | 'console' | 'logger'> &
  SettleOptions & {
    executor: Executor;
    logDir: string;
  };

/** A TaskSpec (already checked): each try is one `executor.run()`. */
export function specTask(spec: TaskSpec, run: SpecRun): StrategyTask {
  let account: boolean | undefined;
  const task: StrategyTask = {
    id: spec.id,
    prompt: spec.prompt,
    // Read once, when a gate first asks.
    get drawsOnAccount() {
      return (account ??= specDrawsOnAccount(spec));
    },
    runTry: (attempt, signal) => runSpec(attempt, signal, null),
    skip: (attempt, notStarted) => runSpec(attempt, null, notStarted),
    retrying(notice) {
      run.executor.retrying?.({ ...spec, prompt: task.prompt }, notice);
      run.onEvent?.({
        kind: 'retry',
        taskId: spec.id,
        attempt: notice.attempt,
        delayMs: notice.delayMs,
        reason: notice.reason,
      });
    },
    withTimeout(timeoutMs) {
      const limited = specTask({ ...spec, prompt: task.prompt, timeoutMs }, run);
      if (task.signal) limited.signal = task.signal;
      return limited;
    },
    settle(result) {
      const { executor, whileLeased } = run;
      if (!executor.settled) return Promise.resolve(result);
      const current = task.prompt === spec.prompt ? spec : { ...spec, prompt: task.prompt };
      return executor.settled(current, result, whileLeased ? { whileLeased } : {});
    },
    failure(error) {
      const why = error instanceof Error ? error.message : String(error);
      return notStartedResult(
        { processId: spec.id, agent: spec.agent, logFile: join(run.logDir, `${spec.id}.log`) },
        'failed',
        `failed: ${why}`,
      );
    },
  };
  /** One try; `notStarted` set: not started, it ends as that says. */
  async function runSpec(
    attempt: number,
    signal: AbortSignal | null,
    notStarted: NotStarted | null,
  ) {
    const { executor, ...given } = run;
    const options: ExecuteOptions = { ...given, attempt };
    if (signal) options.signal = signal;
    if (notStarted) options.notStarted = notStarted;
    try {
      // The checked spec itself while its prompt is unchanged: the executor need not check it again.
      const current = task.prompt === spec.prompt ? spec : { ...spec, prompt: task.prompt };
      return await executor.run(current, options);
    } catch (error) {
      const result = task.failure(error);
      run.onEvent?.({ kind: 'end', taskId: spec.id, result });
      return result;
    }
  }
  return task;
}
