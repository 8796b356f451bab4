/**
 * The zod schemas of a TaskSpec, made on first use (zod loads lazily, see
 * process/load-zod.ts). Public through the `orchestrate-agents/schemas`
 * export; parseTaskSpec asks for them only to word a problem.
 */
import type { z as Zod } from 'zod';
import { loadZod } from '../process/load-zod.js';
import { processIdProblem } from '../process/process-id.js';

function defineSchemas(z: typeof Zod) {
  const nonEmpty = z.string().min(1);
  const milliseconds = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
  const positive = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

  const retrySpecSchema = z
    .object({
      attempts: z.number().int().min(1).max(1000),
      minDelayMs: milliseconds.optional(),
      maxDelayMs: milliseconds.optional(),
    })
    .strict();

  /** A worktree of its own, with where it starts (`base`), lives (`root`) and whether its folder stays (`keep`). */
  const worktreeSpecSchema = z
    .object({
      kind: z.literal('worktree'),
      base: nonEmpty.optional(),
      root: nonEmpty.optional(),
      keep: z.boolean().optional(),
    })
    .strict();

  const taskSpecSchema = z
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

  return { taskSpecSchema, retrySpecSchema, worktreeSpecSchema };
}

export type TaskSpecSchemas = ReturnType<typeof defineSchemas>;

let schemas: TaskSpecSchemas | undefined;

/** The TaskSpec schemas, made (and zod loaded) the first time they are asked for. */
export function taskSpecSchemas(): TaskSpecSchemas {
  schemas ??= defineSchemas(loadZod());
  return schemas;
}
