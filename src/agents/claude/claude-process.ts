/**
 * ClaudeProcess: one `claude -p` run with stream-json output, on the
 * agent-neutral lifecycle of AgentProcess.
 */
import { AgentProcess } from '../../process/agent-process.js';
import type { AgentProcessOptions } from '../../process/options.js';
import { claudeDriver } from './claude-driver.js';

export interface ClaudeProcessOptions extends AgentProcessOptions {
  /** Passed as `--model`; the CLI's default when absent. */
  model?: string;
}

export class ClaudeProcess extends AgentProcess {
  readonly model: string | null;

  constructor(private readonly claudeOptions: ClaudeProcessOptions) {
    if (
      claudeOptions?.model !== undefined &&
      (typeof claudeOptions.model !== 'string' || claudeOptions.model === '')
    ) {
      throw new TypeError(
        `Expected \`model\` to be a non-empty string, got \`${String(claudeOptions.model)}\``,
      );
    }
    super(claudeDriver(claudeOptions?.model ?? null), claudeOptions);
    this.model = claudeOptions.model ?? null;
  }

  override clone(overrides: Partial<ClaudeProcessOptions> = {}): ClaudeProcess {
    return this.copyListenersTo(
      new ClaudeProcess({ ...this.claudeOptions, prompt: this.prompt, ...overrides }),
    );
  }
}
