/**
 * What every pattern runs with: the session that records its steps, the task
 * fields every step starts from, one limiter, the cancel signal, where work
 * happens (the shared folder or a worktree per step), and its prompt templates.
 */
import type { Writable } from 'node:stream';
import type { OrchestratorSession } from '../session/orchestrator-session.js';
import { createLimiter, type Limiter } from '../strategies/limiter.js';
import type { TaskSpec } from '../tasks/task-spec.js';
import { describeValue } from '../process/validate.js';

/** Task fields a step starts from (everything but its id and prompt). */
export type TaskDefaults = Partial<Omit<TaskSpec, 'id' | 'prompt'>>;

export interface PatternOptions {
  /** Records every step; worktrees branch from its working dir. */
  session: OrchestratorSession;
  /** Fields every step's task starts from (agent, command, model, timeoutMs, env, args, ...). Default agent: claude. */
  task?: TaskDefaults;
  /** At most this many steps at once (default: all). */
  maxWorkers?: number;
  /** Aborting it cancels every running step; steps not started never start. */
  signal?: AbortSignal;
  /** 'worktree': each agent step runs in its own leased git worktree (default 'shared'). */
  workspace?: 'shared' | 'worktree';
  /** Where worktrees start and live, and whether their folders stay. */
  worktree?: { base?: string; root?: string; keep?: boolean };
  /**
   * Task fields cycled over the pattern's agents (versions, perspectives,
   * experts): [{ agent: 'claude' }, { agent: 'codex' }], [{ model: 'a' }, ...].
   */
  variants?: TaskDefaults[];
  /** A folder of role prompt templates that override the built-in ones (same file names). */
  promptsDir?: string;
  /** Mirror the agents' output (default false). */
  streamOutput?: boolean;
  console?: Writable;
}

export interface PatternContext {
  session: OrchestratorSession;
  task: TaskDefaults;
  limiter: Limiter;
  signal: AbortSignal | null;
  workspace: 'shared' | 'worktree';
  worktree: { base?: string; root?: string; keep: boolean };
  /** Never empty: `[{}]` when no variants were given. */
  variants: TaskDefaults[];
  promptsDir: string | null;
  streamOutput: boolean;
  console?: Writable;
}

export function patternContext(options: PatternOptions): PatternContext {
  if (options === null || typeof options !== 'object' || !options.session) {
    throw new TypeError(
      `Expected pattern options with a \`session\` (an OrchestratorSession), got ${describeValue(options)}`,
    );
  }
  const workspace = options.workspace ?? 'shared';
  if (workspace !== 'shared' && workspace !== 'worktree') {
    throw new TypeError(
      `Expected \`workspace\` to be "shared" or "worktree", got ${describeValue(workspace)}`,
    );
  }
  const maxWorkers = options.maxWorkers ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isInteger(maxWorkers) || maxWorkers < 1) {
    throw new TypeError(
      `Expected \`maxWorkers\` to be a positive integer, got ${describeValue(options.maxWorkers)}`,
    );
  }
  return {
    session: options.session,
    task: { ...options.task },
    limiter: createLimiter(maxWorkers),
    signal: options.signal ?? null,
    workspace,
    worktree: { ...options.worktree, keep: options.worktree?.keep === true },
    variants: variantList(options.variants),
    promptsDir: options.promptsDir ?? null,
    streamOutput: options.streamOutput === true,
    ...(options.console ? { console: options.console } : {}),
  };
}

/** Non-empty list of distinct names, for options like `perspectives` and `experts`. */
export function nameList(name: string, value: unknown, min = 1): string[] {
  if (
    !Array.isArray(value) ||
    value.length < min ||
    value.some((v) => typeof v !== 'string' || v.trim() === '')
  ) {
    throw new TypeError(
      `Expected \`${name}\` to be a list of at least ${min} non-empty names, got ${describeValue(value)}`,
    );
  }
  return value.map((v: string) => v.trim());
}

/** A positive integer option with a default. */
export function countOption(name: string, value: unknown, fallback: number): number {
  const n = value ?? fallback;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new TypeError(
      `Expected \`${name}\` to be a positive integer, got ${describeValue(value)}`,
    );
  }
  return n;
}

/** The variants as given (checked), or `[{}]`: every agent of the pattern runs the pattern's task fields. */
function variantList(value: unknown): TaskDefaults[] {
  if (value === undefined) return [{}];
  if (!Array.isArray(value) || value.some((v) => v === null || typeof v !== 'object')) {
    throw new TypeError(
      `Expected \`variants\` to be a list of task fields like [{ agent: 'codex' }], got ${describeValue(value)}`,
    );
  }
  return value.length === 0 ? [{}] : value.map((v: TaskDefaults) => ({ ...v }));
}

/** The variant the i-th agent of a pattern runs with (they cycle). */
export function variantOf(ctx: PatternContext, i: number): TaskDefaults {
  return ctx.variants[i % ctx.variants.length]!;
}
