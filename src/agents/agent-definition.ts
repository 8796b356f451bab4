/**
 * What the registry knows about one agent: its name, a line for help texts,
 * and how to build the driver (command line and stream reader) for one task.
 */
import type { AgentDriver } from '../process/agent-driver.js';

/** Where a command agent's prompt goes: in argv, on stdin, or nowhere. */
export type PromptPlacement = 'argument' | 'stdin' | 'none';

/** The agent-specific part of a task, as the driver needs it. */
export interface AgentTask {
  /** The model to ask for, or null for the agent's default. */
  model: string | null;
  /** The binary the task names, or null for the agent's default. */
  command: string | null;
  /** Extra arguments for the agent (for `command`, its arguments). */
  args: string[];
  /** Where the prompt goes, when the agent lets the task choose. */
  promptVia: PromptPlacement | null;
  /** A JSON schema the answer must follow, for agents with `structuredOutput`. */
  outputSchema?: Record<string, unknown> | null;
}

export interface AgentDefinition {
  /** The name tasks use in `agent`, e.g. "claude". */
  readonly name: string;
  /** One line for help texts and docs. */
  readonly description: string;
  /** True when a task must name the binary in `command` (there is no default). */
  readonly needsCommand?: boolean;
  /**
   * True when the agent holds its answer to `task.outputSchema` itself and
   * reports the object (claude's `--json-schema`); other agents are asked for
   * the JSON in the prompt.
   */
  readonly structuredOutput?: boolean;
  /**
   * The arguments that let the agent write files in its working folder without
   * asking (`--allow-edits` on the pattern commands, for agents in worktrees).
   */
  readonly editArgs?: readonly string[];
  /** The driver for one task; it places `task.args` on the command line itself. */
  driver(task: AgentTask): AgentDriver;
}
