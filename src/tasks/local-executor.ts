/**
 * LocalExecutor: today's engine behind the executor seam. Each try is an
 * AgentProcess spawned on this machine; its events reach `onEvent` as data.
 */
import type { AgentProcess } from '../process/agent-process.js';
import type { ProcessResult } from '../process/result.js';
import type { ExecuteOptions, Executor } from './executor.js';
import { checkedTaskSpec } from './parse-task-spec.js';
import { createTaskProcess } from './task-process.js';
import type { TaskSpec } from './task-spec.js';
import { worktreeRequest } from './workspace.js';

export class LocalExecutor implements Executor {
  /** An unstarted process for one try of `spec`, for callers that watch processes. */
  createProcess(spec: TaskSpec, options: ExecuteOptions): AgentProcess {
    const checked = checkedTaskSpec(spec);
    if (worktreeRequest(checked)) {
      throw new Error(
        `Task "${checked.id}" asks for workspace "worktree", and worktrees belong to a session ` +
          "(their branch and folder are named after it): run it on a session's executor, " +
          'e.g. runTask(spec, { executor: session.executor, logDir: session.processLogDir }).',
      );
    }
    const process = createTaskProcess(checked, options);
    if (options.onEvent) forwardEvents(process, spec.id, options.onEvent);
    if (options.notStarted) process.skip(options.notStarted.message, options.notStarted.status);
    return process;
  }

  run(spec: TaskSpec, options: ExecuteOptions): Promise<ProcessResult> {
    return this.createProcess(spec, options).run();
  }
}

function forwardEvents(
  process: AgentProcess,
  taskId: string,
  onEvent: NonNullable<ExecuteOptions['onEvent']>,
) {
  process.on('start', (info) => onEvent({ kind: 'start', taskId, info }));
  process.on('agent-event', (event) => onEvent({ kind: 'agent-event', taskId, event }));
  process.on('log', (level, message) => onEvent({ kind: 'log', taskId, level, message }));
  process.on('end', (result) => onEvent({ kind: 'end', taskId, result }));
}

/** The executor strategies use when given none. */
export const localExecutor = new LocalExecutor();
