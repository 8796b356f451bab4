/**
 * From a TaskSpec to an AgentProcess on this machine: the one place that maps
 * spec fields onto the process options, through the agent registry.
 */
import { createAgentProcess } from '../agents/create-agent-process.js';
import type { AgentProcess } from '../process/agent-process.js';
import type { AgentProcessOptions } from '../process/options.js';
import type { ExecuteOptions } from './executor.js';
import { promptWithSchema } from './output-schema.js';
import type { TaskSpec } from './task-spec.js';

/** The process options for one try of `spec`. */
export function processOptions(spec: TaskSpec, options: ExecuteOptions): AgentProcessOptions {
  return {
    prompt: promptWithSchema(spec),
    processId: options.processId ?? spec.id,
    workingDir: spec.cwd ?? process.cwd(),
    logDir: options.logDir,
    env: { ...spec.env, ...options.env },
    command: spec.command,
    timeoutMs: spec.timeoutMs,
    idleTimeoutMs: spec.idleTimeoutMs,
    memoryLimitBytes: spec.memoryLimitBytes,
    maxProcesses: spec.maxProcesses,
    killGraceMs: spec.killGraceMs,
    signal: options.signal,
    attempt: options.attempt,
    streamOutput: options.streamOutput ?? false,
    console: options.console,
    logger: options.logger,
  };
}

/** An unstarted process for one try of `spec` (already checked by parseTaskSpec). */
export function createTaskProcess(spec: TaskSpec, options: ExecuteOptions): AgentProcess {
  return createAgentProcess(
    spec.agent,
    {
      model: spec.model,
      command: spec.command,
      args: spec.args,
      promptVia: spec.promptVia,
      outputSchema: spec.outputSchema ?? null,
    },
    processOptions(spec, options),
    options.prices,
  );
}
