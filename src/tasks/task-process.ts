/**
 * From a TaskSpec to an AgentProcess on this machine: the one place that maps
 * spec fields onto the process options, through the agent registry.
 */
import { getAgent } from '../agents/registry.js';
import { AgentProcess } from '../process/agent-process.js';
import type { AgentProcessOptions } from '../process/options.js';
import type { ExecuteOptions } from './executor.js';
import type { TaskSpec } from './task-spec.js';

/** The process options for one try of `spec`. */
export function processOptions(spec: TaskSpec, options: ExecuteOptions): AgentProcessOptions {
  return {
    prompt: spec.prompt,
    processId: options.processId ?? spec.id,
    workingDir: spec.cwd ?? process.cwd(),
    logDir: options.logDir,
    env: { ...spec.env, ...options.env },
    command: spec.command,
    timeoutMs: spec.timeoutMs,
    ...limits(spec),
    signal: options.signal,
    attempt: options.attempt,
    streamOutput: options.streamOutput ?? false,
    console: options.console,
    logger: options.logger,
  };
}

/**
 * The resource limits the process core enforces. `idleTimeoutMs` and
 * `memoryLimitBytes` reach it here, by the same names, once it reads them.
 */
function limits(spec: TaskSpec): Partial<Record<'idleTimeoutMs' | 'memoryLimitBytes', number>> {
  const picked: Partial<Record<'idleTimeoutMs' | 'memoryLimitBytes', number>> = {};
  if (spec.idleTimeoutMs !== undefined) picked.idleTimeoutMs = spec.idleTimeoutMs;
  if (spec.memoryLimitBytes !== undefined) picked.memoryLimitBytes = spec.memoryLimitBytes;
  return picked;
}

/** An unstarted process for one try of `spec` (already checked by parseTaskSpec). */
export function createTaskProcess(spec: TaskSpec, options: ExecuteOptions): AgentProcess {
  const driver = getAgent(spec.agent).driver({
    model: spec.model ?? null,
    command: spec.command ?? null,
    args: spec.args ?? [],
    promptVia: spec.promptVia ?? null,
  });
  return new AgentProcess(driver, processOptions(spec, options));
}
