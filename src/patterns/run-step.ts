/**
 * One step of a pattern: a task recorded in the session with its step, round
 * and role, run under the pattern's limiter, in the shared folder or in its own
 * leased worktree. While the lease is held, `whileLeased` may run checks in the
 * worktree; then the lease is released and the artifacts join the result.
 */
import { join, relative } from 'node:path';
import type { ProcessResult } from '../process/result.js';
import { normalizeRetry } from '../strategies/options.js';
import { runTracked } from '../strategies/run-tracked.js';
import { specTask } from '../strategies/strategy-task.js';
import { parseTaskSpec } from '../tasks/parse-task-spec.js';
import type { TaskSpec } from '../tasks/task-spec.js';
import type { Worktree } from '../workspaces/worktree.js';
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
  const worktree = inWorktree ? await session.leaseWorktree(request.id, ctx.worktree) : null;
  const cwd = worktree ? folderIn(worktree, session.workingDir) : undefined;
  const spec: TaskSpec = {
    agent: 'claude',
    ...(session.model === null ? {} : { model: session.model }),
    ...ctx.task,
    ...request.task,
    ...(cwd === undefined ? {} : { cwd }),
    id: request.id,
    prompt: request.prompt,
    ...(request.outputSchema ? { outputSchema: request.outputSchema } : {}),
  };
  spec.cwd ??= session.workingDir;
  const checked = parseTaskSpec(spec);
  // Through the session's executor: recorded, and under the session's limiter as well as the pattern's.
  const task = specTask(checked, {
    executor: session.executor,
    logDir: session.processLogDir,
    streamOutput: ctx.streamOutput,
    ...(ctx.console ? { console: ctx.console } : {}),
  });
  const retry = checked.retry ? normalizeRetry(checked.retry) : null;
  const { index: _index, ...result } = await runTracked(task, 0, {
    limiter: ctx.limiter,
    signal: ctx.signal,
    retry,
    gate: session.gate,
  });
  if (!worktree) return result;
  try {
    await worktree.snapshot(request.prompt);
    await request.whileLeased?.(cwd!, result);
  } finally {
    // What a check left (build output) stays out: the artifacts are the agent's work.
    const artifacts = await session.releaseWorktree(worktree, {
      task: request.prompt,
      keep: ctx.worktree.keep,
      commit: false,
    });
    Object.assign(result, { artifacts });
  }
  return result;
}

/** The same folder of the repository as `cwd`, inside the worktree. */
function folderIn(worktree: Worktree, cwd: string): string {
  return join(worktree.path, relative(worktree.repository.root, cwd));
}
