/**
 * Live progress of one try, read from Claude's stream-json events: each
 * assistant message's usage counted once (the stream repeats a message per
 * content block, with the same id), its turns, and a short line saying what
 * the agent just did.
 */
import { describeEvent } from '../agents/claude/describe-event.js';
import type { ClaudeEvent } from '../agents/claude/stream-events.js';
import type { TokenUsage } from '../process/result.js';

const ACTIVITY_CHARS = 160;

interface AssistantMessage {
  id?: unknown;
  usage?: Record<string, unknown>;
}

export interface ActivitySnapshot extends TokenUsage {
  turns: number;
  activity: string | null;
}

export class ActivityTally {
  private readonly messages = new Map<string, TokenUsage>();
  private anonymous = 0;

  /** Reads one agent event; returns the progress so far, or null if the event is not an assistant message. */
  read(event: Record<string, unknown>): ActivitySnapshot | null {
    if (event.type !== 'assistant') return null;
    const message = (event.message ?? {}) as AssistantMessage;
    const usage = usageOf(message.usage);
    if (typeof message.id === 'string') this.messages.set(message.id, usage);
    else this.messages.set(`#${++this.anonymous}`, usage);
    let total: TokenUsage = {
      inputTokens: 0,
      outputTokens: 0,
      cacheCreationInputTokens: 0,
      cacheReadInputTokens: 0,
    };
    for (const part of this.messages.values()) {
      total = {
        inputTokens: total.inputTokens + part.inputTokens,
        outputTokens: total.outputTokens + part.outputTokens,
        cacheCreationInputTokens: total.cacheCreationInputTokens + part.cacheCreationInputTokens,
        cacheReadInputTokens: total.cacheReadInputTokens + part.cacheReadInputTokens,
      };
    }
    return {
      ...total,
      turns: this.messages.size,
      activity: shortLine(describeEvent(event as ClaudeEvent)),
    };
  }
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function usageOf(usage: Record<string, unknown> | undefined): TokenUsage {
  return {
    inputTokens: count(usage?.input_tokens),
    outputTokens: count(usage?.output_tokens),
    cacheCreationInputTokens: count(usage?.cache_creation_input_tokens),
    cacheReadInputTokens: count(usage?.cache_read_input_tokens),
  };
}

function shortLine(text: string | null): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > ACTIVITY_CHARS ? `${flat.slice(0, ACTIVITY_CHARS)}...` : flat || null;
}
