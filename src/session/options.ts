/**
 * Session options, normalized once: copied, defaulted, validated, with
 * messages that name the option, the value and what is accepted.
 */
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import type { PromptPlacement } from '../agents/agent-definition.js';
import type { Executor } from '../tasks/executor.js';
import { getAgent } from '../agents/registry.js';
import { consoleLogger, type Logger } from '../logging/logger.js';
import type { AgentProcessOptions } from '../process/options.js';
import type { PriceTable } from '../process/price-table.js';
import { processIdProblem } from '../process/process-id.js';
import { describeValue } from '../process/validate.js';
import { existingDirectory } from '../process/validate.js';
import type { SessionLimitOptions } from './limits.js';

/** What `createProcess()` takes beyond the core's options: which agent, which model. */
export interface SessionProcessOptions extends AgentProcessOptions {
  /** The registered agent that runs it (default: the session's `agent`). */
  agent?: string;
  /** Passed to agents that take a model (`--model` for claude). */
  model?: string;
  /** The agent's own arguments (for a command agent, its arguments, where `{prompt}` may stand). */
  args?: string[];
  /** Where a command agent's prompt goes (default 'argument'). */
  promptVia?: PromptPlacement;
}

export interface OrchestratorSessionOptions extends SessionLimitOptions {
  /** Names the session: its id is `${patternName}_${timestamp}`. */
  patternName: string;
  /** A human name for the run ("nightly review"), shown by `sessions` and the dashboard. */
  name?: string;
  /** Where the agents run (default: the current directory). */
  workingDir?: string;
  /** Where session folders go (default: `<workingDir>/.orchestrate/sessions`). */
  baseLogDir?: string;
  /** The model every process of the session uses unless told otherwise. */
  model?: string;
  /** The agent `createProcess()` uses unless told otherwise (default 'claude'). */
  agent?: string;
  /** Options every `createProcess()` starts from (timeoutMs, command, env, streamOutput, ...). */
  processDefaults?: Partial<SessionProcessOptions>;
  /** Where the session's human lines also go (default: stderr). */
  logger?: Logger;
  /**
   * Most tries running at once across everything the session runs: through its
   * `executor` (strategies given specs, patterns, runTask) and its process
   * objects (createProcess, track), however they are run; default: no limit.
   */
  maxWorkers?: number;
  /** USD per million tokens by model, for tasks of agents that report tokens but no cost. */
  prices?: PriceTable;
  /**
   * Where the tasks the session runs through its `executor` run: default this
   * machine; a `BullMQExecutor` sends them to workers, and the session records
   * their events as it records local runs.
   */
  backend?: Executor;
  /**
   * The model is a stand-in that spends nothing (the CLI's `--mock-model`):
   * costs are recorded as usual, and marked simulated wherever they are shown.
   */
  simulatedCost?: boolean;
}

export interface NormalizedSessionOptions {
  patternName: string;
  name: string | null;
  workingDir: string;
  baseLogDir: string;
  model: string | null;
  agent: string;
  processDefaults: Partial<SessionProcessOptions>;
  logger: Logger;
  maxWorkers: number;
  prices: PriceTable | null;
  backend: Executor | null;
  limits: SessionLimitOptions;
  simulatedCost: boolean;
}

export const SESSIONS_FOLDER = join('.orchestrate', 'sessions');

/** Where sessions go when `baseLogDir` is not given. */
export function defaultBaseLogDir(workingDir: string = process.cwd()): string {
  return join(resolve(workingDir), SESSIONS_FOLDER);
}

export function normalizeSessionOptions(
  options: OrchestratorSessionOptions,
): NormalizedSessionOptions {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(
      `Expected session options to be an object like { patternName: 'review' }, got ${describeValue(options)}`,
    );
  }
  const problem = processIdProblem(options.patternName);
  if (problem) {
    throw new TypeError(
      `Invalid \`patternName\` ${describeValue(options.patternName)}: it names the session folder, so it ${problem}.`,
    );
  }
  const workingDir = existingDirectory('workingDir', options.workingDir ?? process.cwd());
  if (
    options.baseLogDir !== undefined &&
    (typeof options.baseLogDir !== 'string' || options.baseLogDir === '')
  ) {
    throw new TypeError(
      `Expected \`baseLogDir\` to be a directory path, got ${describeValue(options.baseLogDir)}`,
    );
  }
  if (options.model !== undefined && (typeof options.model !== 'string' || options.model === '')) {
    throw new TypeError(
      `Expected \`model\` to be a non-empty string, got ${describeValue(options.model)}`,
    );
  }
  const agent = options.agent ?? 'claude';
  if (typeof agent !== 'string') {
    throw new TypeError(`Expected \`agent\` to be an agent name, got ${describeValue(agent)}`);
  }
  getAgent(agent);
  const defaults = options.processDefaults ?? {};
  if (defaults === null || typeof defaults !== 'object' || Array.isArray(defaults)) {
    throw new TypeError(
      `Expected \`processDefaults\` to be an object, got ${describeValue(defaults)}`,
    );
  }
  if (options.logger !== undefined && typeof options.logger?.log !== 'function') {
    throw new TypeError(
      `Expected \`logger\` to be a Logger ({ log(level, source, message) }), got ${describeValue(options.logger)}`,
    );
  }
  const maxWorkers = options.maxWorkers ?? Number.POSITIVE_INFINITY;
  if (
    maxWorkers !== Number.POSITIVE_INFINITY &&
    (!Number.isSafeInteger(maxWorkers) || maxWorkers < 1)
  ) {
    throw new TypeError(
      `Expected \`maxWorkers\` to be a positive integer, got ${describeValue(options.maxWorkers)}`,
    );
  }
  if (options.backend !== undefined && typeof options.backend?.run !== 'function') {
    throw new TypeError(
      `Expected \`backend\` to be an Executor (e.g. new BullMQExecutor({ connection })), got ${describeValue(options.backend)}`,
    );
  }
  if (options.simulatedCost !== undefined && typeof options.simulatedCost !== 'boolean') {
    throw new TypeError(
      `Expected \`simulatedCost\` to be true or false, got ${describeValue(options.simulatedCost)}`,
    );
  }
  return {
    maxWorkers,
    prices: options.prices ?? null,
    backend: options.backend ?? null,
    patternName: options.patternName,
    name: sessionName(options.name),
    workingDir,
    baseLogDir:
      options.baseLogDir === undefined
        ? defaultBaseLogDir(workingDir)
        : resolve(workingDir, options.baseLogDir),
    model: options.model ?? null,
    agent,
    processDefaults: { ...defaults },
    logger: options.logger ?? consoleLogger,
    limits: { admission: options.admission, budget: options.budget },
    simulatedCost: options.simulatedCost ?? false,
  };
}

/** A session's human name: one line of text, or null. */
function sessionName(name: unknown): string | null {
  if (name === undefined) return null;
  if (typeof name !== 'string' || name.trim() === '' || /[\n\r]/.test(name) || name.length > 200) {
    throw new TypeError(
      `Expected \`name\` to be one line of text (1 to 200 characters), got ${describeValue(name)}`,
    );
  }
  return name.trim();
}

/** The session's process defaults that apply to the tasks its executor runs. */
export interface TaskDefaults {
  env?: Record<string, string | undefined>;
  streamOutput?: boolean;
  console?: Writable;
  prices?: PriceTable;
}

export function taskDefaults(options: NormalizedSessionOptions): TaskDefaults {
  const { env, streamOutput, console } = options.processDefaults;
  const { prices } = options;
  return {
    ...(env ? { env } : {}),
    ...(streamOutput === undefined ? {} : { streamOutput }),
    ...(console ? { console } : {}),
    ...(prices ? { prices } : {}),
  };
}
