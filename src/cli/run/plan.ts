/**
 * Turns tasks and flags into the processes to create, in order. For fallback,
 * one prompt with several --model becomes one attempt per model; several
 * prompts are the attempts themselves. An attempt with its own model is
 * labelled with it (after the task's label), so the board, the report and
 * --json say which model each attempt ran.
 */
import { resolve } from 'node:path';
import { agentNames, findAgent } from '../../agents/registry.js';
import { getStrategy } from '../../strategies/registry.js';
import { findExecutable } from '../../process/spawn/spawn-child.js';
import { usageError } from '../errors.js';
import type { RunConfig } from '../options/normalize-run-flags.js';
import type { Task } from '../prompts/task.js';

export interface PlannedProcess {
  prompt: string;
  /** The registered agent that runs it. */
  agent: string;
  /** Its binary, when the task or the flags name one. */
  command?: string;
  label?: string;
  processId?: string;
  model?: string;
  workingDir?: string;
  timeoutMs?: number;
}

export function planProcesses(config: RunConfig, tasks: Task[]): PlannedProcess[] {
  const planned = tasks.map((task) => fromTask(config, task));
  if (!getStrategy(config.strategy).alternatives) return planned;
  if (config.models.length <= 1) return planned.map(labelledWithModel);
  if (planned.length > 1) {
    throw usageError(
      `${config.strategy} takes one prompt with one attempt per --model, or several prompts; got ${planned.length} prompts and ${config.models.length} --model flags`,
      config.strategy,
    );
  }
  const only = planned[0]!;
  if (only.model !== undefined)
    throw usageError(
      `${tasks[0]!.source}: a task with its own "model" cannot also take --model attempts`,
      config.strategy,
    );
  return config.models.map((model, i) =>
    labelledWithModel({
      ...only,
      model,
      ...(only.processId === undefined ? {} : { processId: `${only.processId}-${i + 1}` }),
    }),
  );
}

/** A fallback attempt's label names its model: `haiku`, or `quick fix (haiku)`. */
function labelledWithModel(attempt: PlannedProcess): PlannedProcess {
  if (attempt.model === undefined) return attempt;
  const label = attempt.label === undefined ? attempt.model : `${attempt.label} (${attempt.model})`;
  return { ...attempt, label };
}

function fromTask(config: RunConfig, task: Task): PlannedProcess {
  const agent = task.agent ?? config.agent;
  const definition = findAgent(agent);
  if (!definition)
    throw usageError(
      `${task.source}: unknown agent "${agent}"; registered agents: ${agentNames().join(', ')}`,
      config.strategy,
    );
  const planned: PlannedProcess = { prompt: task.prompt, agent };
  const command =
    task.command !== undefined
      ? executableOf(task, config)
      : agent === config.agent
        ? config.agentBin
        : undefined;
  if (command !== undefined) planned.command = command;
  else if (definition.needsCommand)
    throw usageError(
      `${task.source}: agent "${agent}" needs the executable to run: give --command <path>, or "command" in a JSON-lines task`,
      config.strategy,
    );
  if (task.label !== undefined) planned.label = task.label;
  if (task.id !== undefined) planned.processId = task.id;
  if (task.model !== undefined) planned.model = task.model;
  if (task.cwd !== undefined) planned.workingDir = resolve(config.cwd, task.cwd);
  if (task.timeoutMs !== undefined) planned.timeoutMs = task.timeoutMs;
  return planned;
}

/** A task's own "command": a path (relative to --cwd) or a name on PATH. */
function executableOf(task: Task, config: RunConfig): string {
  const name = task.command!;
  const found = findExecutable(name.includes('/') ? resolve(config.cwd, name) : name);
  if (found === null)
    throw usageError(
      `${task.source}: "command" ${JSON.stringify(name)} is not an executable file (a path relative to --cwd, or a command on PATH)`,
      config.strategy,
    );
  return found;
}
