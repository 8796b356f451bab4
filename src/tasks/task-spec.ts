/**
 * TaskSpec: one task as plain data. It survives `JSON.parse(JSON.stringify(spec))`
 * unchanged, so it can be recorded, queued for another machine or replayed.
 * `parseTaskSpec` checks it once; every error names the field, the value and
 * what is accepted.
 */
import { z } from 'zod';
import { processIdProblem } from '../process/process-id.js';

const nonEmpty = z.string().min(1);
const milliseconds = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const positive = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const retrySpecSchema = z
  .object({
    attempts: z.number().int().min(1).max(1000),
    minDelayMs: milliseconds.optional(),
    maxDelayMs: milliseconds.optional(),
  })
  .strict();

/** A worktree of its own, with where it starts (`base`), lives (`root`) and whether its folder stays (`keep`). */
export const worktreeSpecSchema = z
  .object({
    kind: z.literal('worktree'),
    base: nonEmpty.optional(),
    root: nonEmpty.optional(),
    keep: z.boolean().optional(),
  })
  .strict();

export const taskSpecSchema = z
  .object({
    id: z.string().refine((id) => processIdProblem(id) === null),
    agent: z.string().regex(/^[a-z][a-z0-9-]*$/),
    prompt: z.string(),
    model: nonEmpty.optional(),
    cwd: nonEmpty.optional(),
    env: z.record(z.string(), z.string()).optional(),
    args: z.array(z.string()).optional(),
    command: nonEmpty.optional(),
    promptVia: z.enum(['argument', 'stdin', 'none']).optional(),
    timeoutMs: milliseconds.optional(),
    idleTimeoutMs: positive.optional(),
    memoryLimitBytes: positive.optional(),
    maxProcesses: positive.optional(),
    killGraceMs: milliseconds.optional(),
    retry: retrySpecSchema.optional(),
    label: z.string().optional(),
    /**
     * A JSON schema the final answer must follow. Agents with structured
     * output (claude: `--json-schema`) are held to it and return the object
     * as `structuredOutput`; others are asked in the prompt to reply with it.
     */
    outputSchema: z.record(z.string(), z.json()).optional(),
    /**
     * Where the task runs: 'shared' (its `cwd`, the default) or 'worktree' (a
     * git worktree of its own, leased by the session's executor when the first
     * try starts and released after the last; docs/worktrees.md).
     */
    workspace: z.union([z.enum(['shared', 'worktree']), worktreeSpecSchema]).optional(),
    /** Reserved for the budgets issue: what the task may spend (passed through as data). */
    budget: z.json().optional(),
  })
  .strict();

export type TaskSpec = z.infer<typeof taskSpecSchema>;
export type RetrySpec = z.infer<typeof retrySpecSchema>;
export type WorktreeSpec = z.infer<typeof worktreeSpecSchema>;

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

export const TASK_FIELDS = Object.keys(taskSpecSchema.shape);
