/**
 * Normalizes a pattern command's flags once: the task defaults every step
 * starts from, the workspace, and each pattern's own options, with errors that
 * name the flag, the value and what is accepted.
 */
import { resolve } from 'node:path';
import { agentNames, findAgent } from '../../agents/registry.js';
import type { TaskDefaults } from '../../patterns/context.js';
import { badFlag, usageError } from '../errors.js';
import { backendFlag } from '../options/backend-flag.js';
import { durationFlag } from '../options/duration.js';
import { positiveIntegerFlag } from '../options/integers.js';
import { runName } from '../options/run-name.js';
import {
  executable,
  existingDirectory,
  existingFile,
  worktreeConfig,
  type WorktreeConfig,
} from '../options/normalize-run-flags.js';
import { listFlag, type PatternName, type RawPatternFlags } from './pattern-flags.js';

export interface PatternConfig {
  pattern: PatternName;
  /** --name, checked. */
  name?: string;
  cwd: string;
  logDir?: string;
  json: boolean;
  quiet: boolean;
  stream: boolean;
  maxWorkers?: number;
  task: TaskDefaults;
  worktree: WorktreeConfig | null;
  mock: { script?: string } | null;
  promptsDir?: string;
  /** --backend: the Redis whose workers run the steps; null: this machine. */
  backend: string | null;
  /** Task fields cycled over versions (n-version) or tried in order (cascade). */
  variants: TaskDefaults[];
  extraArgs: string[];
}

export function normalizePatternFlags(
  pattern: PatternName,
  raw: RawPatternFlags,
  extraArgs: string[],
): PatternConfig {
  const cwd = existingDirectory('--cwd', raw.cwd ?? process.cwd(), pattern);
  const task: TaskDefaults = {};
  if (raw.command !== undefined) {
    if (raw.agent !== undefined && raw.agent !== 'command')
      throw usageError(`--command runs a command agent; drop --agent ${raw.agent}`, pattern);
    task.agent = 'command';
    task.command = executable(raw.command, pattern, '--command');
  } else if (raw.agent !== undefined) task.agent = raw.agent;
  if (raw.claudeBin !== undefined) {
    if (task.agent !== undefined && task.agent !== 'claude')
      throw usageError('--claude-bin applies to the claude agent only', pattern);
    task.command = executable(raw.claudeBin, pattern);
  }
  if (raw.model !== undefined) task.model = raw.model;
  if (raw.timeout !== undefined) task.timeoutMs = durationFlag('--timeout', raw.timeout, pattern);
  if (extraArgs.length > 0) task.args = extraArgs;
  const worktree =
    pattern === 'n-version'
      ? worktreeConfig({ ...raw, worktree: true }, pattern)
      : worktreeConfig(raw, pattern);
  const config: PatternConfig = {
    pattern,
    cwd,
    json: raw.json === true,
    quiet: raw.quiet === true,
    stream: raw.stream === true,
    task,
    worktree,
    mock: raw.mockModel || raw.mockScript !== undefined ? {} : null,
    variants: withEditArgs(variantsOf(pattern, raw), task, raw.allowEdits === true),
    backend: patternBackend(pattern, raw),
    extraArgs,
  };
  if (raw.logDir !== undefined) config.logDir = resolve(raw.logDir);
  if (raw.name !== undefined) config.name = runName(raw.name, pattern);
  if (raw.maxWorkers !== undefined)
    config.maxWorkers = positiveIntegerFlag('-j/--max-workers', raw.maxWorkers, pattern);
  if (raw.mockScript !== undefined)
    config.mock = { script: existingFile('--mock-script', raw.mockScript, pattern) };
  if (raw.promptsDir !== undefined)
    config.promptsDir = existingDirectory('--prompts-dir', raw.promptsDir, pattern);
  return config;
}

/**
 * --allow-edits: each agent's own arguments for writing files without asking,
 * before the extra arguments, on the task defaults and on each variant whose
 * agent differs (variants win over the defaults).
 */
function withEditArgs(variants: TaskDefaults[], task: TaskDefaults, allow: boolean) {
  if (!allow) return variants;
  const extra = task.args ?? [];
  const argsFor = (agent: string) => [...(findAgent(agent)?.editArgs ?? []), ...extra];
  const agent = task.agent ?? 'claude';
  if (argsFor(agent).length > 0) task.args = argsFor(agent);
  return variants.map((v) => (v.agent === undefined ? v : { ...v, args: argsFor(v.agent) }));
}

/** --backend, checked; worktree steps are refused with it (the worktrees would be leased here). */
function patternBackend(pattern: PatternName, raw: RawPatternFlags): string | null {
  if (pattern === 'n-version' && raw.backend !== undefined) {
    throw usageError(
      "n-version cannot be combined with --backend yet: each version runs in a worktree of this machine's repository, which the workers do not have; run n-version without --backend",
      pattern,
    );
  }
  return backendFlag(raw, pattern);
}

/** --agents and --models as task fields: cascade tries them in order, the others cycle them. */
function variantsOf(pattern: PatternName, raw: RawPatternFlags): TaskDefaults[] {
  const agents = listFlag(raw.agents);
  const models = listFlag(raw.models);
  if (agents?.length === 0)
    throw badFlag('--agents', raw.agents, 'a list like claude,codex', pattern);
  if (models?.length === 0)
    throw badFlag('--models', raw.models, 'a list like haiku,sonnet', pattern);
  const unknown = agents?.find((agent) => !findAgent(agent));
  if (unknown !== undefined)
    throw usageError(
      `--agents: unknown agent "${unknown}"; registered agents: ${agentNames().join(', ')}`,
      pattern,
    );
  if (pattern === 'cascade' && agents && models)
    throw usageError('cascade takes --models or --agents for its tiers, not both', pattern);
  const length = Math.max(agents?.length ?? 0, models?.length ?? 0);
  return Array.from({ length }, (_, i) => ({
    ...(agents ? { agent: agents[i % agents.length]! } : {}),
    ...(models ? { model: models[i % models.length]! } : {}),
  }));
}
