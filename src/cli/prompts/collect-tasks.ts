/**
 * Gathers the tasks of a run, in order: prompt arguments (where `-` stands for
 * the lines of stdin), then the lines of --prompts-file. Checks what can be
 * checked before anything starts: at least one prompt, unique ids, existing
 * working directories.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { processIdProblem } from '../../process/process-id.js';
import { CLIError, usageError } from '../errors.js';
import { expandInputGroups, hasInputGroups } from '../inputs/input-sources.js';
import { parsePromptLines } from './parse-prompt-lines.js';
import type { Task } from './task.js';

export interface TaskSources {
  args: string[];
  promptsFile?: string;
  /** Reads all of stdin (injectable for tests). */
  readStdin: () => Promise<string>;
  /** Where relative per-task `cwd` values start. */
  baseDir: string;
  command: string;
}

export const NO_PROMPTS =
  'no prompts: give them as arguments, with --prompts-file FILE (one per line, or JSON lines), or as lines on stdin with -';

export async function collectTasks(sources: TaskSources): Promise<Task[]> {
  const { command } = sources;
  const tasks: Task[] = [];
  let stdinRead = false;
  // `"Review {}" ::: a b` and `:::: files.txt`: one prompt per input, from a template.
  const args = hasInputGroups(sources.args) ? [] : sources.args;
  if (args !== sources.args) {
    for (const [i, made] of expandInputGroups(sources.args, command).entries())
      tasks.push({ prompt: made.prompt, source: `input ${i + 1} (${made.args.join(' ')})` });
  }
  for (const [i, arg] of args.entries()) {
    if (arg !== '-') {
      if (arg.trim() === '') throw usageError(`argument ${i + 1}: the prompt is empty`, command);
      tasks.push({ prompt: arg, source: `argument ${i + 1}` });
      continue;
    }
    if (stdinRead) throw usageError('- (stdin) was given twice; stdin can be read once', command);
    stdinRead = true;
    tasks.push(...parsePromptLines(await sources.readStdin(), 'stdin', command));
  }
  if (sources.promptsFile !== undefined) {
    tasks.push(
      ...parsePromptLines(
        readPromptsFile(sources.promptsFile, command),
        sources.promptsFile,
        command,
      ),
    );
  }
  if (tasks.length === 0) throw usageError(NO_PROMPTS, command);
  checkIds(tasks, command);
  for (const task of tasks)
    if (task.cwd !== undefined) checkDirectory(task, resolve(sources.baseDir, task.cwd), command);
  return tasks;
}

function readPromptsFile(path: string, command: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw usageError(`--prompts-file: no such file: ${path}`, command);
    throw new CLIError(
      `--prompts-file: cannot read ${path}: ${(error as Error).message}`,
      'E_IO',
      command,
    );
  }
}

function checkIds(tasks: Task[], command: string): void {
  const seen = new Map<string, string>();
  for (const task of tasks) {
    if (task.id === undefined) continue;
    const problem = processIdProblem(task.id);
    if (problem)
      throw usageError(
        `${task.source}: id ${JSON.stringify(task.id)} names the log file, so it ${problem}`,
        command,
      );
    const first = seen.get(task.id);
    if (first)
      throw usageError(
        `${task.source}: id "${task.id}" is already used by ${first}; ids must be unique`,
        command,
      );
    seen.set(task.id, task.source);
  }
}

function checkDirectory(task: Task, path: string, command: string): void {
  let ok = false;
  try {
    ok = statSync(path).isDirectory();
  } catch {
    // reported below
  }
  if (!ok) throw usageError(`${task.source}: "cwd" is not an existing directory: ${path}`, command);
}

/** Reads stdin to the end as UTF-8. */
export async function readAllStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
