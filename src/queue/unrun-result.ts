/** The result of a queued task that no worker ran to its end: cancelled before, or failed by the queue. */
import { notStartedResult } from '../process/build-result.js';
import type { ProcessResult } from '../process/result.js';
import { specDriver } from '../tasks/spec-driver.js';
import type { TaskSpec } from '../tasks/task-spec.js';

/** Who a queued task is, as its result names it: the process id and the agent's name. */
export interface QueuedTask {
  processId: string;
  agent: string;
}

export function queuedTask(spec: TaskSpec, processId: string): QueuedTask {
  return { processId, agent: specDriver(spec).name };
}

export function unrunResult(
  task: QueuedTask,
  status: 'cancelled' | 'failed',
  message: string,
): ProcessResult {
  // No log: the task never ran anywhere, or its worker's log is on the worker.
  return notStartedResult({ ...task, logFile: '' }, status, message);
}
