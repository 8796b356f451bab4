/**
 * TaskSpec: one task as plain data. It survives `JSON.parse(JSON.stringify(spec))`
 * unchanged, so it can be recorded, queued for another machine or replayed.
 * `parseTaskSpec` checks it once; every error names the field, the value and
 * what is accepted. The zod schemas are in task-spec-schema.ts (loaded on
 * first use); this module holds only what every check needs.
 */
import type { z } from 'zod';
import type { TaskSpecSchemas } from './task-spec-schema.js';

export type TaskSpec = z.infer<TaskSpecSchemas['taskSpecSchema']>;
export type RetrySpec = z.infer<TaskSpecSchemas['retrySpecSchema']>;
export type WorktreeSpec = z.infer<TaskSpecSchemas['worktreeSpecSchema']>;

/** What each field accepts, in the words errors use. */
export const ACCEPTED: Record<string, string> = {
  id: 'a safe file name: letters, digits, dots, dashes or underscores, e.g. "review-001"',
  agent: 'an agent name such as "claude", "codex", "gemini" or "command"',
  prompt: 'a string',
  model: 'a non-empty string',
  cwd: 'a non-empty directory path',
  env: 'an object of string values, e.g. {"DEBUG": "1"}',
  'env.*': 'a string',
  args: 'an array of strings',
  'args[]': 'a string',
  command: 'a non-empty path to an executable',
  promptVia: '"argument", "stdin" or "none"',
  timeoutMs: 'a non-negative integer (milliseconds)',
  idleTimeoutMs: 'a positive integer (milliseconds)',
  memoryLimitBytes: 'a positive integer (bytes)',
  maxProcesses: 'a positive integer (processes in the tree)',
  killGraceMs: 'a non-negative integer (milliseconds between SIGTERM and SIGKILL)',
  retry: 'an object like {"attempts": 3}',
  'retry.attempts': 'a positive integer (total tries, the first included)',
  'retry.minDelayMs': 'a non-negative integer (milliseconds)',
  'retry.maxDelayMs': 'a non-negative integer (milliseconds)',
  label: 'a string',
  outputSchema:
    'a JSON schema object, e.g. {"type": "object", "properties": {"ok": {"type": "boolean"}}}',
  workspace:
    '"shared", "worktree" or {"kind": "worktree", "base"?: ref, "root"?: folder, "keep"?: boolean}',
  budget: 'JSON data',
};

/** The fields of a TaskSpec, in the schema's order (a test holds them to the schema's shape). */
export const TASK_FIELDS = [
  'id',
  'agent',
  'prompt',
  'model',
  'cwd',
  'env',
  'args',
  'command',
  'promptVia',
  'timeoutMs',
  'idleTimeoutMs',
  'memoryLimitBytes',
  'maxProcesses',
  'killGraceMs',
  'retry',
  'label',
  'outputSchema',
  'workspace',
  'budget',
] as const;
