/**
 * `--dry-run`: prints each task and the command line it would run, in order,
 * and starts nothing (no session folder, no fake model, no agent). The prompt
 * is shown in the command line as the agent would get it (on stdin when
 * large, as a `<` line), each argument quoted for a POSIX shell.
 */
import { getAgent } from '../../agents/registry.js';
import type { AgentDriver } from '../../process/agent-driver.js';
import type { RunConfig } from '../options/normalize-run-flags.js';
import type { PlannedProcess } from './plan.js';

/** One argument as a POSIX shell reads it back. */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[\w@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export interface DryRunTask extends PlannedProcess {
  /** The process id it would get (given, or process-NNN). */
  shownId: string;
}

export function dryRunText(
  tasks: DryRunTask[],
  driverFor: (task: DryRunTask) => AgentDriver,
  extraArgs: string[],
): string {
  const lines: string[] = [];
  for (const task of tasks) {
    const driver = driverFor(task);
    const command = task.command ?? driver.defaultCommand(process.env);
    const invocation = driver.invocation(task.prompt, command, extraArgs);
    const argv = [invocation.command, ...invocation.args].map(shellQuote).join(' ');
    const facts = [
      ...(task.workingDir ? [`cwd ${task.workingDir}`] : []),
      ...(task.timeoutMs !== undefined ? [`timeout ${task.timeoutMs} ms`] : []),
    ];
    lines.push(`${task.shownId}${facts.length > 0 ? `  (${facts.join(', ')})` : ''}`);
    lines.push(`  ${argv}${invocation.stdinData !== undefined ? ' < prompt on stdin' : ''}`);
  }
  lines.push(
    `${tasks.length} task${tasks.length === 1 ? '' : 's'}; nothing was started (--dry-run).`,
  );
  return `${lines.join('\n')}\n`;
}

/** The --dry-run text for a planned run, with each task's agent and the binary that would run. */
export function dryRun(config: RunConfig, planned: PlannedProcess[]): string {
  const driverFor = (task: PlannedProcess) =>
    getAgent(task.agent).driver({
      model: task.model ?? config.models[0] ?? null,
      command: task.command ?? null,
      args: [],
      promptVia: config.promptVia ?? null,
    });
  const tasks = planned.map((task, i) => ({
    ...task,
    shownId: task.processId ?? `process-${String(i + 1).padStart(3, '0')}`,
  }));
  return dryRunText(tasks, driverFor, config.extraArgs);
}
