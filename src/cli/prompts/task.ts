/** One prompt to run, with the per-task fields a JSON-lines prompts file may set. */
export interface Task {
  prompt: string;
  /** The process id (default: the session's process-001, process-002, ...). */
  id?: string;
  model?: string;
  /** The registered agent that runs it (default: --agent). */
  agent?: string;
  /** The binary to run; for agent "command", the executable. */
  command?: string;
  /** A human name for the board and the report. */
  label?: string;
  /** The working directory, relative to --cwd. */
  cwd?: string;
  timeoutMs?: number;
  /** Where the prompt came from, for messages: `argument 2`, `tasks.jsonl:3`, `stdin:1`. */
  source: string;
}

/** The fields a JSON line may hold; anything else is a usage error (it catches typos). */
export const TASK_FIELDS = [
  'prompt',
  'id',
  'agent',
  'command',
  'model',
  'cwd',
  'timeout',
  'label',
] as const;
