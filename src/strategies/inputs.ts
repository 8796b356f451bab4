/**
 * A strategy's input, checked once: an array of tasks, each a TaskSpec (plain
 * data, run by the executor) or an unstarted process object. Specs are parsed
 * (every problem named); processes run once each; no two tasks share an id,
 * so no two write the same log file. Once all are sound, the executor is told
 * of each spec (a session records it as queued, and may answer with a signal
 * that cancels that task alone).
 */
import { AgentProcess } from '../process/agent-process.js';
import { describeValue } from '../process/validate.js';
import type { Logger } from '../logging/logger.js';
import type { Executor, TaskEvent } from '../tasks/executor.js';
import { localExecutor } from '../tasks/local-executor.js';
import { parseTaskSpec } from '../tasks/parse-task-spec.js';
import type { TaskSpec } from '../tasks/task-spec.js';
import { processTask, specTask, type SpecRun, type StrategyTask } from './strategy-task.js';

/** What every strategy may be given: a process object or a task as data. */
export type TaskInput = AgentProcess | TaskSpec;

/** How the strategies run specs (process objects ignore these). */
export interface TaskRunOptions {
  /** Where each try of a spec runs (default: this machine, `localExecutor`). */
  executor?: Executor;
  /** The folder for the specs' logs (default: the executor's own, e.g. a session's). */
  logDir?: string;
  /** Each event of each spec's tries, as plain data. */
  onEvent?: (event: TaskEvent) => void;
  /** Where the specs' human lines go (default: stderr; `silentLogger` for none). */
  logger?: Logger;
}

export function strategyTasks(
  strategy: string,
  value: unknown,
  options: TaskRunOptions,
): StrategyTask[] {
  if (!Array.isArray(value)) {
    throw new TypeError(
      `Expected ${strategy}'s tasks to be an array of task specs or processes, got ${describeValue(value)}`,
    );
  }
  const seen = new Map<unknown, number>();
  /** A process's log file, or a spec's id (its log file is `<logDir>/<id>.log`). */
  const claims = new Map<string, number>();
  let run: SpecRun | null = null;
  const specs: [TaskSpec, StrategyTask][] = [];
  const tasks = value.map((item: unknown, index) => {
    const list = item instanceof AgentProcess ? 'processes' : 'tasks';
    const name = `\`${list}[${index}]\``;
    const first = seen.get(item);
    if (first !== undefined && typeof item === 'object') {
      const id = item instanceof AgentProcess ? ` (${item.processId})` : '';
      throw new Error(
        `${name} is the same object as \`${list}[${first}]\`${id}; a task runs once. Use clone() for another run of a process, another id for a spec.`,
      );
    }
    seen.set(item, index);
    if (item instanceof AgentProcess) {
      checkProcess(item, name);
      claim(
        claims,
        `log:${item.logFile}`,
        index,
        (other) =>
          `${name} and \`processes[${other}]\` would both log to ${item.logFile}; give them different processIds.`,
      );
      return processTask(item);
    }
    const spec = checkedSpec(item, name);
    claim(
      claims,
      `id:${spec.id}`,
      index,
      (other) =>
        `${name} and \`tasks[${other}]\` are both "${spec.id}" and would write the same log; give them different ids.`,
    );
    run ??= specRun(options);
    const task = specTask(spec, run);
    specs.push([spec, task]);
    return task;
  });
  // Every input is sound: the executor may now show them all as waiting their turn.
  const executor = (run as SpecRun | null)?.executor;
  for (const [spec, task] of specs) {
    const signal = executor?.queued?.(spec);
    if (signal instanceof AbortSignal) task.signal = signal;
  }
  return tasks;
}

function claim(
  claims: Map<string, number>,
  key: string,
  index: number,
  message: (other: number) => string,
) {
  const other = claims.get(key);
  if (other !== undefined) throw new Error(message(other));
  claims.set(key, index);
}

function checkProcess(process: AgentProcess, name: string): void {
  if (process.state !== 'pending') {
    throw new Error(
      `${name} (${process.processId}) has already ${process.state === 'running' ? 'started' : 'run'}; a process object runs once. Use clone() for another run.`,
    );
  }
}

function checkedSpec(item: unknown, name: string): TaskSpec {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new TypeError(
      `Expected ${name} to be a task spec ({ id, agent, prompt, ... }) or an AgentProcess (ClaudeProcess, CommandProcess, ...), got ${describeValue(item)}`,
    );
  }
  try {
    return parseTaskSpec(item);
  } catch (error) {
    throw new TypeError(`${name}: ${(error as Error).message}`);
  }
}

function specRun(options: TaskRunOptions): SpecRun {
  const executor: Executor = options.executor ?? localExecutor;
  if (typeof executor?.run !== 'function') {
    throw new TypeError(
      `Expected \`executor\` to be an Executor ({ run(spec, options) }), got ${describeValue(executor)}`,
    );
  }
  const logDir = options.logDir ?? executor.logDir;
  if (typeof logDir !== 'string' || logDir === '') {
    throw new TypeError(
      `Expected \`logDir\` (the folder for the tasks' logs) when running task specs, got ${describeValue(options.logDir)}; or run them through a session's executor, which has its own`,
    );
  }
  if (options.onEvent !== undefined && typeof options.onEvent !== 'function') {
    throw new TypeError(
      `Expected \`onEvent\` to be a function, got ${describeValue(options.onEvent)}`,
    );
  }
  return {
    executor,
    logDir,
    ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  };
}
