/**
 * One step of a pattern: a task recorded in the session with its step, round
 * and role, run under the pattern's limiter, in the shared folder or in its own
 * worktree (the spec's `workspace`, leased by the session's executor). Before
 * the lease is released, `whileLeased` may run checks in the worktree; the
 * artifacts join the result.
 */
import type { ProcessResult } from '../process/result.js';
import { normalizeRetry } from '../strategies/options.js';
import { runTracked } from '../strategies/run-tracked.js';
import { specTask } from '../strategies/strategy-task.js';
import { parseTaskSpec } from '../tasks/parse-task-spec.js';
import type { TaskSpec } from '../tasks/task-spec.js';
import type { PatternContext, TaskDefaults } from './context.js';

export interface StepRequest {
  /** The process id (unique in the session). */
  id: string;
  prompt: string;
  step: string;
  round: number | null;
  role: string;
  /** Task fields for this step over the pattern's (agent, model, command, ...). */
  task?: TaskDefaults;
  /** Run in a worktree of its own (default: the pattern's workspace). */
  workspace?: 'shared' | 'worktree';
  /** The JSON schema the answer must follow (the spec's `outputSchema`). */
  outputSchema?: TaskSpec['outputSchema'];
  /** Runs with the worktree still leased, after the agent's work is committed. */
  whileLeased?: (folder: string, result: ProcessResult) => Promise<void>;
}

/** A step's result: the process's, plus its worktree's artifacts. */
export type StepResult = ProcessResult & { tries: number };

export async function runStep(ctx: PatternContext, request: StepRequest): Promise<StepResult> {
  const { session } = ctx;
  session.recordStep(request.id, { step: request.step, round: request.round, role: request.role });
  const inWorktree = (request.workspace ?? ctx.workspace) === 'worktree';
  const { keep, ...where } = ctx.worktree;
  const spec: TaskSpec = {
    agent: 'claude',
    ...(session.model === null ? {} : { model: session.model }),
    ...ctx.task,
    ...request.task,
    id: request.id,
    prompt: request.prompt,
    ...(request.outputSchema ? { outputSchema: request.outputSchema } : {}),
    // Leased by the session's executor when the first try starts, released after the last.
    ...(inWorktree ? { workspace: { kind: 'worktree' as const, ...where, keep } } : {}),
  };
  spec.cwd ??= session.workingDir;
  const checked = parseTaskSpec(spec);
  // Through the session's executor: recorded, and under the session's limiter as well as the pattern's.
  const task = specTask(checked, {
    executor: session.executor,
    logDir: session.processLogDir,
    streamOutput: ctx.streamOutput,
    ...(ctx.console ? { console: ctx.console } : {}),
    ...(request.whileLeased ? { whileLeased: request.whileLeased } : {}),
  });
  const retry = checked.retry ? normalizeRetry(checked.retry) : null;
  const { index: _index, ...result } = await runTracked(task, 0, {
    limiter: ctx.limiter,
    signal: ctx.signal,
    retry,
    gate: session.gate,
  });
  return result;
}
