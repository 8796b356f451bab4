/**
 * Turns tasks and flags into the processes to create, in order. For fallback,
 * one prompt with several --model becomes one attempt per model; several
 * prompts are the attempts themselves.
 */
import { resolve } from 'node:path';
import { usageError } from '../errors.js';
import type { RunConfig } from '../options/normalize-run-flags.js';
import type { Task } from '../prompts/task.js';

export interface PlannedProcess {
  prompt: string;
  processId?: string;
  model?: string;
  workingDir?: string;
  timeoutMs?: number;
}

export function planProcesses(config: RunConfig, tasks: Task[]): PlannedProcess[] {
  const planned = tasks.map((task) => fromTask(config, task));
  if (config.strategy !== 'fallback' || config.models.length <= 1) return planned;
  if (planned.length > 1) {
    throw usageError(
      `fallback takes one prompt with one attempt per --model, or several prompts; got ${planned.length} prompts and ${config.models.length} --model flags`,
      'fallback',
    );
  }
  const only = planned[0]!;
  if (only.model !== undefined)
    throw usageError(
      `${tasks[0]!.source}: a task with its own "model" cannot also take --model attempts`,
      'fallback',
    );
  return config.models.map((model, i) => ({
    ...only,
    model,
    ...(only.processId === undefined ? {} : { processId: `${only.processId}-${i + 1}` }),
  }));
}

function fromTask(config: RunConfig, task: Task): PlannedProcess {
  const planned: PlannedProcess = { prompt: task.prompt };
  if (task.id !== undefined) planned.processId = task.id;
  if (task.model !== undefined) planned.model = task.model;
  if (task.cwd !== undefined) planned.workingDir = resolve(config.cwd, task.cwd);
  if (task.timeoutMs !== undefined) planned.timeoutMs = task.timeoutMs;
  return planned;
}
