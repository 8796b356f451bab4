/**
 * The planned processes of a run command as TaskSpecs: every flag that shapes
 * a task (model, binary, agent arguments, limits, --agent-retries) goes into
 * its spec, so the session records each task whole and can run it again.
 * What belongs to this run only (the fake model's address, the live view)
 * stays in the session's defaults.
 */
import type { TaskSpec } from '../../tasks/task-spec.js';
import type { RunConfig } from '../options/normalize-run-flags.js';
import type { PlannedProcess } from './plan.js';
import { worktreeWorkspace } from './worktree-check.js';

/** process-001, process-002, ... for the tasks that name no id, as the session would. */
export function withProcessIds(planned: PlannedProcess[]): PlannedProcess[] {
  for (const [i, plan] of planned.entries())
    plan.processId ??= `process-${String(i + 1).padStart(3, '0')}`;
  return planned;
}

export function taskSpecs(config: RunConfig, planned: PlannedProcess[]): TaskSpec[] {
  return withProcessIds(planned).map((plan) => taskSpec(config, plan));
}

function taskSpec(config: RunConfig, plan: PlannedProcess): TaskSpec {
  const spec: TaskSpec = {
    id: plan.processId!,
    agent: plan.agent,
    prompt: plan.prompt,
    cwd: plan.workingDir ?? config.cwd,
  };
  const model = plan.model ?? (config.models.length === 1 ? config.models[0] : undefined);
  if (model !== undefined) spec.model = model;
  if (plan.command !== undefined) spec.command = plan.command;
  if (config.extraArgs.length > 0) spec.args = [...config.extraArgs];
  if (plan.agent === 'command' && config.promptVia !== undefined) spec.promptVia = config.promptVia;
  const timeoutMs = plan.timeoutMs ?? config.timeoutMs;
  if (timeoutMs !== undefined) spec.timeoutMs = timeoutMs;
  if (config.idleTimeoutMs !== undefined) spec.idleTimeoutMs = config.idleTimeoutMs;
  if (config.memoryLimitBytes !== undefined) spec.memoryLimitBytes = config.memoryLimitBytes;
  if (config.maxProcesses !== undefined) spec.maxProcesses = config.maxProcesses;
  if (config.killGraceMs !== undefined) spec.killGraceMs = config.killGraceMs;
  if (plan.label !== undefined) spec.label = plan.label;
  if (config.worktree) spec.workspace = worktreeWorkspace(config.worktree);
  if (config.agentRetries !== undefined && plan.agent === 'claude')
    spec.env = { CLAUDE_CODE_MAX_RETRIES: String(config.agentRetries) };
  return spec;
}
