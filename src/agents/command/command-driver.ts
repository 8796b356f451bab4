/**
 * The driver for any command: the prompt replaces a `{prompt}` placeholder in
 * the arguments, or is appended as the last argument, or travels on stdin.
 * Its output is the raw stdout and its verdict the exit code.
 */
import type { AgentDriver, OutputReader } from '../../process/agent-driver.js';
import type { PromptPlacement } from '../agent-definition.js';

export interface CommandDriverOptions {
  command: string;
  args?: string[];
  /** Where the prompt goes (default 'argument': the `{prompt}` placeholder, else appended). */
  promptVia?: PromptPlacement;
  /** The agent's name in logs (default: the command's base name). */
  name?: string;
}

const PLACEHOLDER = '{prompt}';

const rawReader: OutputReader = {
  wants: 'none',
  line: () => undefined,
  display: (line) => line.toString(),
  findings: () => ({}),
};

export function commandDriver(options: CommandDriverOptions): AgentDriver {
  const args = options.args ?? [];
  const via = options.promptVia ?? 'argument';
  return {
    name: options.name ?? options.command.split('/').pop() ?? options.command,
    defaultCommand: () => options.command,
    invocation(prompt, command, extraArgs) {
      const elided = `<prompt: ${prompt.length} characters>`;
      if (via !== 'argument') {
        const all = [...args, ...extraArgs];
        return {
          command,
          args: all,
          displayArgs: all,
          stdinData: via === 'stdin' ? prompt : undefined,
        };
      }
      const hasPlaceholder = args.some((arg) => arg.includes(PLACEHOLDER));
      const fill = (value: string) => args.map((arg) => arg.split(PLACEHOLDER).join(value));
      const built = hasPlaceholder ? fill(prompt) : [...args, prompt];
      const shown = hasPlaceholder ? fill(elided) : [...args, elided];
      return { command, args: [...built, ...extraArgs], displayArgs: [...shown, ...extraArgs] };
    },
    reader: () => rawReader,
  };
}
