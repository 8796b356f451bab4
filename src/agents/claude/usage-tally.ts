/**
 * Tokens as they stream: each assistant message's `usage`, counted once (the
 * stream repeats a message per content block, with the same id and growing
 * figures), summed incrementally, so a run that never reaches its `result`
 * event (timed out, cancelled, crashed) still says what it consumed, and each
 * event costs the same however many came before.
 */
import type { TokenUsage } from '../../process/result.js';

interface AssistantMessage {
  id?: unknown;
  model?: unknown;
  usage?: Record<string, unknown>;
}

export const NO_TOKENS: TokenUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 0,
};

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function usageOf(usage: Record<string, unknown> | undefined): TokenUsage {
  return {
    inputTokens: count(usage?.input_tokens),
    outputTokens: count(usage?.output_tokens),
    cacheCreationInputTokens: count(usage?.cache_creation_input_tokens),
    cacheReadInputTokens: count(usage?.cache_read_input_tokens),
  };
}

export class UsageTally {
  private readonly messages = new Map<string, TokenUsage>();
  private anonymous = 0;
  private sum: TokenUsage = { ...NO_TOKENS };
  /** The model named by the last assistant message, if any. */
  model: string | null = null;

  /** Reads one agent event; false when it is not an assistant message. */
  add(event: Record<string, unknown>): boolean {
    if (event.type !== 'assistant') return false;
    const message = (event.message ?? {}) as AssistantMessage;
    if (typeof message.model === 'string') this.model = message.model;
    const usage = usageOf(message.usage);
    const key = typeof message.id === 'string' ? message.id : `#${++this.anonymous}`;
    const before = this.messages.get(key) ?? NO_TOKENS;
    this.messages.set(key, usage);
    this.sum = {
      inputTokens: this.sum.inputTokens + usage.inputTokens - before.inputTokens,
      outputTokens: this.sum.outputTokens + usage.outputTokens - before.outputTokens,
      cacheCreationInputTokens:
        this.sum.cacheCreationInputTokens +
        usage.cacheCreationInputTokens -
        before.cacheCreationInputTokens,
      cacheReadInputTokens:
        this.sum.cacheReadInputTokens + usage.cacheReadInputTokens - before.cacheReadInputTokens,
    };
    return true;
  }

  /** Assistant messages so far. */
  get turns(): number {
    return this.messages.size;
  }

  get total(): TokenUsage {
    return { ...this.sum };
  }
}
