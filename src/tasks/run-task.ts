/**
 * runTask: one TaskSpec through all its tries (the spec's `retry`), on the
 * local executor unless told otherwise. Resolves for every outcome of the
 * task; rejects only for a spec that does not parse (or, on the local
 * executor, asks for a worktree: worktrees belong to a session's executor).
 */
import type { ProcessResult } from '../process/result.js';
import { backoffDelay, sleep } from '../strategies/backoff.js';
import { normalizeRetry } from '../strategies/options.js';
import { retryReason } from '../strategies/retry-policy.js';
import type { ExecuteOptions, Executor } from './executor.js';
import { localExecutor } from './local-executor.js';
import { parseTaskSpec } from './parse-task-spec.js';
import type { TaskSpec } from './task-spec.js';

export interface RunTaskOptions extends Omit<ExecuteOptions, 'attempt'> {
  /** Where the task runs (default: this machine). */
  executor?: Executor;
}

/** The last try's result, with how many tries it took. */
export type TaskResult = ProcessResult & { tries: number };

export async function runTask(spec: TaskSpec, options: RunTaskOptions): Promise<TaskResult> {
  const checked = parseTaskSpec(spec);
  const { executor = localExecutor as Executor, ...execute } = options;
  const retry = checked.retry ? normalizeRetry(checked.retry) : null;
  for (let tries = 1; ; tries++) {
    const result = await executor.run(checked, { ...execute, attempt: tries });
    const reason = retry && tries < retry.attempts ? retryReason(result, retry) : null;
    if (!retry || reason === null) {
      // The last try: the executor may add to it (a worktree task's artifacts).
      const settled = executor.settled ? await executor.settled(checked, result) : result;
      return { ...settled, tries };
    }
    const delayMs = backoffDelay(tries, retry);
    executor.retrying?.(checked, { attempt: tries + 1, delayMs, reason, previous: result });
    execute.onEvent?.({ kind: 'retry', taskId: checked.id, attempt: tries + 1, delayMs, reason });
    // Cancelled while waiting: the next try resolves 'cancelled' without starting.
    await sleep(delayMs, execute.signal ?? null);
  }
}
