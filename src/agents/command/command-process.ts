/**
 * Any command as an agent process: same lifecycle, logs, timeout and tree
 * handling as ClaudeProcess, for Codex, Gemini CLI, scripts or test fixtures.
 */
import { AgentProcess } from '../../process/agent-process.js';
import type { AgentProcessOptions } from '../../process/options.js';
import type { PromptPlacement } from '../agent-definition.js';
import { commandDriver } from './command-driver.js';

export interface CommandProcessOptions extends Omit<AgentProcessOptions, 'command' | 'prompt'> {
  command: string;
  args?: string[];
  prompt?: string;
  promptVia?: PromptPlacement;
}

export class CommandProcess extends AgentProcess {
  private readonly commandOptions: CommandProcessOptions;

  constructor(options: CommandProcessOptions) {
    if (typeof options?.command !== 'string' || options.command.length === 0) {
      throw new TypeError(
        `Expected \`command\` to be a non-empty string, got \`${String(options?.command)}\``,
      );
    }
    const { args, promptVia, ...rest } = options;
    super(
      commandDriver({
        command: options.command,
        args,
        promptVia: promptVia ?? (options.prompt === undefined ? 'none' : 'argument'),
      }),
      {
        ...rest,
        prompt: options.prompt ?? '',
      },
    );
    this.commandOptions = { ...options };
  }

  /** A fresh, unstarted CommandProcess with the same options and listeners (a retry keeps its class). */
  override clone(overrides: Partial<CommandProcessOptions> = {}): CommandProcess {
    const prompt =
      this.commandOptions.prompt === undefined && this.prompt === '' ? {} : { prompt: this.prompt };
    return this.copyListenersTo(
      new CommandProcess({ ...this.commandOptions, ...prompt, ...overrides }),
    );
  }
}
