/**
 * Normalizes a run command's flags once: copies, applies defaults, checks each
 * value where it is read, and refuses flags that do not apply to the strategy
 * with a sentence that says what to use instead.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PromptPlacement } from '../../agents/agent-definition.js';
import { agentNames, findAgent } from '../../agents/registry.js';
import { getStrategy, listStrategies } from '../../strategies/registry.js';
import { findExecutable } from '../../process/spawn/spawn-child.js';
import { badFlag, usageError } from '../errors.js';
import { parseHalt, type HaltRule } from './halt.js';
import { DURATION_ACCEPTED, durationFlag, parseDuration } from './duration.js';
import { runName } from './run-name.js';
import { sizeFlag } from './size.js';
import { nonNegativeIntegerFlag, positiveIntegerFlag } from './integers.js';
import type { RawRunFlags, StrategyName } from './run-flags.js';
import { backendFlag } from './backend-flag.js';
import { metricsFlag } from './metrics-flag.js';

export const DEFAULT_BATCH_SIZE = 4;

export interface RunConfig {
  strategy: StrategyName;
  /** --name, checked. */
  name?: string;
  /** Every --model, in order (several only for fallback). */
  models: string[];
  timeoutMs?: number;
  idleTimeoutMs?: number;
  memoryLimitBytes?: number;
  maxProcesses?: number;
  killGraceMs?: number;
  maxWorkers?: number;
  /** --halt: when to cancel the rest, or null to run everything. */
  halt: HaltRule | null;
  /** Absolute --results folder. */
  results?: string;
  dryRun: boolean;
  /** A refused tool call fails the run. */
  failOnDenied: boolean;
  /** Absolute, existing. */
  cwd: string;
  /** Absolute base folder for session folders, when given. */
  logDir?: string;
  /** Retries after the first try (0: none). */
  retries: number;
  /** The agent's own retries of a failed API call (claude: CLAUDE_CODE_MAX_RETRIES). */
  agentRetries?: number;
  /** The agent of every task that names none (--agent, or "command" with --command). */
  agent: string;
  /** The binary of that agent (--agent-bin, --claude-bin, --command), checked. */
  agentBin?: string;
  /** Where a command agent's prompt goes (--prompt-via). */
  promptVia?: PromptPlacement;
  /** The --prices file, absolute and existing. */
  pricesFile?: string;
  json: boolean;
  quiet: boolean;
  stream: boolean;
  promptsFile?: string;
  /** Absolute path of the --joblog file. */
  joblog?: string;
  /** The fake model to start, or null for the real API. */
  mock: { script?: string } | null;
  passOutput: boolean;
  stopOnFailure: boolean;
  batchSize: number;
  /** Everything after `--`, passed to the agent (for a command, its arguments). */
  extraArgs: string[];
  /** --worktree: each process in its own leased git worktree; null: in --cwd. */
  worktree: WorktreeConfig | null;
  /** --backend: the Redis whose workers run the tasks; null: this machine. */
  backend: string | null;
  /** --metrics-port: where to serve the run's Prometheus metrics; null: nowhere. */
  metrics: { host: string; port: number } | null;
}

export interface WorktreeConfig {
  base?: string;
  root?: string;
  keep: boolean;
}

export function normalizeRunFlags(
  strategy: StrategyName,
  raw: RawRunFlags,
  extraArgs: string[],
  /** The command its errors name (`resume` runs a session's strategy again). */
  command: string = strategy,
): RunConfig {
  const { refuses = {}, alternatives } = getStrategy(strategy);
  const notFor = { maxWorkers: refuses.maxWorkers, retries: refuses.retry };
  if (raw.jobs !== undefined) {
    if (raw.maxWorkers !== undefined && raw.maxWorkers !== raw.jobs)
      throw usageError('-j/--max-workers and --jobs are the same flag; give one', command);
    raw = { ...raw, maxWorkers: raw.jobs };
  }
  if (raw.maxWorkers !== undefined && notFor.maxWorkers)
    throw usageError(
      `${raw.jobs === undefined ? '-j/--max-workers' : '--jobs'} does not apply: ${notFor.maxWorkers}`,
      command,
    );
  if (raw.retries !== undefined && notFor.retries)
    throw usageError(`--retries does not apply: ${notFor.retries}`, command);
  const models = raw.model ?? [];
  for (const model of models)
    if (model.trim() === '')
      throw badFlag('--model', model, 'a model name such as sonnet or claude-sonnet-4-5', command);
  if (models.length > 1 && !alternatives) {
    throw usageError(
      `--model was given ${models.length} times; only ${alternativeNames()} takes one attempt per --model`,
      command,
    );
  }
  const cwd = existingDirectory('--cwd', raw.cwd ?? process.cwd(), command);
  const config: RunConfig = {
    strategy,
    models,
    cwd,
    retries:
      raw.retries === undefined ? 0 : nonNegativeIntegerFlag('--retries', raw.retries, command),
    json: raw.json === true,
    quiet: raw.quiet === true,
    stream: raw.stream === true,
    mock: raw.mockModel || raw.mockScript !== undefined ? {} : null,
    passOutput: raw.passOutput === true,
    stopOnFailure: raw.stopOnFailure === true,
    batchSize:
      raw.batchSize === undefined
        ? DEFAULT_BATCH_SIZE
        : positiveIntegerFlag('--batch-size', raw.batchSize, command),
    extraArgs,
    worktree: worktreeConfig(raw, command),
    backend: backendFlag(raw, command),
    metrics: raw.metricsPort === undefined ? null : metricsFlag(raw.metricsPort, command),
    halt: raw.halt === undefined ? null : parseHalt(raw.halt, command),
    dryRun: raw.dryRun === true,
    failOnDenied: raw.failOnDenied === true,
    agent: 'claude',
  };
  if (raw.results !== undefined) config.results = resolve(raw.results);
  if (raw.timeout !== undefined) config.timeoutMs = durationFlag('--timeout', raw.timeout, command);
  if (raw.idleTimeout !== undefined)
    config.idleTimeoutMs = durationFlag('--idle-timeout', raw.idleTimeout, command);
  if (raw.agentRetries !== undefined)
    config.agentRetries = nonNegativeIntegerFlag('--agent-retries', raw.agentRetries, command);
  if (raw.maxMemory !== undefined)
    config.memoryLimitBytes = sizeFlag('--max-memory', raw.maxMemory, command);
  if (raw.maxProcesses !== undefined)
    config.maxProcesses = positiveIntegerFlag('--max-processes', raw.maxProcesses, command);
  if (raw.killGrace !== undefined) config.killGraceMs = killGrace(raw.killGrace, command);
  if (raw.maxWorkers !== undefined)
    config.maxWorkers = positiveIntegerFlag(
      raw.jobs === undefined ? '-j/--max-workers' : '--jobs',
      raw.maxWorkers,
      command,
    );
  if (raw.logDir !== undefined) config.logDir = resolve(raw.logDir);
  if (raw.name !== undefined) config.name = runName(raw.name, command);
  if (raw.promptsFile !== undefined) config.promptsFile = raw.promptsFile;
  if (raw.joblog !== undefined) config.joblog = resolve(raw.joblog);
  if (raw.mockScript !== undefined)
    config.mock = { script: existingFile('--mock-script', raw.mockScript, command) };
  Object.assign(config, agentFlags(raw, command));
  if (config.agentRetries !== undefined && config.agent !== 'claude')
    throw usageError(
      `--agent-retries sets claude's CLAUDE_CODE_MAX_RETRIES; ${config.agent} has no such switch (codex: request_max_retries and stream_max_retries of its model provider in config.toml; gemini: general.maxAttempts in settings.json)`,
      command,
    );
  if (raw.prices !== undefined) config.pricesFile = existingFile('--prices', raw.prices, command);
  return config;
}

/** The strategies whose tasks are alternatives (fallback), for messages. */
function alternativeNames(): string {
  return listStrategies()
    .filter((s) => s.alternatives)
    .map((s) => s.name)
    .join(' or ');
}

const PROMPT_VIA = ['argument', 'stdin', 'none'] as const;

/** --agent, --command, --agent-bin (or its alias --claude-bin) and --prompt-via, checked together. */
function agentFlags(
  raw: RawRunFlags,
  command: string,
): Pick<RunConfig, 'agent' | 'agentBin' | 'promptVia'> {
  if (raw.agentBin !== undefined && raw.claudeBin !== undefined)
    throw usageError('--claude-bin and --agent-bin name the same binary; give one', command);
  const bin = raw.agentBin ?? raw.claudeBin;
  const binFlag = raw.agentBin !== undefined ? '--agent-bin' : '--claude-bin';
  if (raw.agent !== undefined && !findAgent(raw.agent))
    throw badFlag('--agent', raw.agent, `a registered agent: ${agentNames().join(', ')}`, command);
  if (raw.command !== undefined) {
    if (raw.agent !== undefined && raw.agent !== 'command')
      throw usageError(
        `--command runs any executable as agent "command"; drop --agent ${raw.agent}, or use --agent-bin to point ${raw.agent} at its binary`,
        command,
      );
    if (bin !== undefined)
      throw usageError(`--command already names the binary; drop ${binFlag}`, command);
  }
  const agent = raw.command !== undefined ? 'command' : (raw.agent ?? 'claude');
  if (raw.claudeBin !== undefined && agent !== 'claude')
    throw usageError(`--claude-bin is for claude; use --agent-bin for ${agent}`, command);
  const result: Pick<RunConfig, 'agent' | 'agentBin' | 'promptVia'> = { agent };
  if (raw.command !== undefined) result.agentBin = executable(raw.command, command, '--command');
  else if (bin !== undefined) result.agentBin = executable(bin, command, binFlag);
  if (raw.promptVia !== undefined) {
    if (!(PROMPT_VIA as readonly string[]).includes(raw.promptVia))
      throw badFlag('--prompt-via', raw.promptVia, 'argument, stdin or none', command);
    if (agent !== 'command')
      throw usageError(
        `--prompt-via applies to --command (agent "command"); ${agent} places its prompt itself`,
        command,
      );
    result.promptVia = raw.promptVia as PromptPlacement;
  }
  return result;
}

/** --worktree and the flags that only make sense with it. */
export function worktreeConfig(
  raw: Pick<RawRunFlags, 'worktree' | 'base' | 'keepWorktrees' | 'worktreeRoot'>,
  command: string,
): WorktreeConfig | null {
  const needing = (
    [
      ['--base', raw.base !== undefined],
      ['--keep-worktrees', raw.keepWorktrees === true],
      ['--worktree-root', raw.worktreeRoot !== undefined],
    ] as const
  ).filter(([, given]) => given);
  if (!raw.worktree) {
    if (needing.length > 0)
      throw usageError(`${needing[0]![0]} applies only with --worktree; add --worktree`, command);
    return null;
  }
  if (raw.base !== undefined && raw.base.trim() === '')
    throw badFlag('--base', raw.base, 'a branch, tag or commit', command);
  return {
    keep: raw.keepWorktrees === true,
    ...(raw.base === undefined ? {} : { base: raw.base }),
    ...(raw.worktreeRoot === undefined ? {} : { root: resolve(raw.worktreeRoot) }),
  };
}

/** Zero is allowed here: SIGKILL at once. */
function killGrace(value: string, command: string): number {
  const ms = parseDuration(value);
  if (ms === null) throw badFlag('--kill-grace', value, DURATION_ACCEPTED, command);
  return ms;
}

export function existingDirectory(flag: string, path: string, command: string): string {
  const absolute = resolve(path);
  let ok = false;
  try {
    ok = statSync(absolute).isDirectory();
  } catch {
    // reported below
  }
  if (!ok) throw badFlag(flag, path, 'an existing directory', command);
  return absolute;
}

export function existingFile(flag: string, path: string, command: string): string {
  const absolute = resolve(path);
  let ok = false;
  try {
    ok = statSync(absolute).isFile();
  } catch {
    // reported below
  }
  if (!ok) throw badFlag(flag, path, 'an existing file', command);
  return absolute;
}

export function executable(path: string, command: string, flag = '--claude-bin'): string {
  const found = findExecutable(path);
  if (!found)
    throw badFlag(flag, path, 'an executable file (a path, or a command on PATH)', command);
  return found;
}
