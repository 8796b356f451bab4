/**
 * Reads the text of a prompts file (or stdin): one prompt per line, or JSON
 * lines with per-task fields. The file is JSON lines when its first non-blank
 * line starts with `{`; then every line must be a JSON object with a `prompt`.
 * Blank lines are skipped.
 */
import { durationFlag } from '../options/duration.js';
import { usageError } from '../errors.js';
import { TASK_FIELDS, type Task } from './task.js';

export function parsePromptLines(text: string, sourceName: string, command?: string): Task[] {
  const lines = text.split(/\r?\n/);
  const numbered = lines
    .map((line, i) => ({ line, at: `${sourceName}:${i + 1}` }))
    .filter((l) => l.line.trim() !== '');
  if (numbered.length === 0) return [];
  const isJson = numbered[0]!.line.trimStart().startsWith('{');
  return numbered.map(({ line, at }) =>
    isJson ? parseJsonTask(line, at, command) : { prompt: line, source: at },
  );
}

function parseJsonTask(line: string, at: string, command?: string): Task {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw usageError(
      `${at}: not valid JSON (${(error as Error).message}); a prompts file is either one prompt per line or one JSON object per line`,
      command,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw usageError(
      `${at}: expected a JSON object such as {"prompt": "..."}, got ${line.trim()}`,
      command,
    );
  }
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter(
    (key) => !(TASK_FIELDS as readonly string[]).includes(key),
  );
  if (unknown.length > 0) {
    throw usageError(
      `${at}: unknown field ${unknown.map((k) => `"${k}"`).join(', ')}; accepted: ${TASK_FIELDS.join(', ')}`,
      command,
    );
  }
  const text = (field: string): string | undefined => {
    const v = record[field];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v === '')
      throw usageError(
        `${at}: "${field}" must be a non-empty string, got ${JSON.stringify(v)}`,
        command,
      );
    return v;
  };
  const prompt = text('prompt');
  if (prompt === undefined) throw usageError(`${at}: missing "prompt"`, command);
  const task: Task = { prompt, source: at };
  for (const field of ['id', 'agent', 'command', 'model', 'cwd', 'label'] as const) {
    const value = text(field);
    if (value !== undefined) task[field] = value;
  }
  if (record.timeout !== undefined)
    task.timeoutMs = durationFlag(`${at}: "timeout"`, record.timeout, command);
  return task;
}
