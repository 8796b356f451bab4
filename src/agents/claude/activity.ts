/**
 * Live progress of one try, read from Claude's stream-json events: each
 * assistant message's usage counted once (the stream repeats a message per
 * content block, with the same id; summed incrementally), its turns, and a short line saying what
 * the agent just did.
 */
import type { ActivityReader, ActivitySnapshot } from '../../process/agent-driver.js';
import { describeEvent } from './describe-event.js';
import type { ClaudeEvent } from './stream-events.js';
import { UsageTally } from './usage-tally.js';

const ACTIVITY_CHARS = 160;

export class ActivityTally implements ActivityReader {
  private readonly usage = new UsageTally();

  /** Reads one agent event; returns the progress so far, or null if the event is not an assistant message. */
  read(event: Record<string, unknown>): ActivitySnapshot | null {
    if (!this.usage.add(event)) return null;
    return {
      ...this.usage.total,
      turns: this.usage.turns,
      activity: shortLine(describeEvent(event as ClaudeEvent)),
    };
  }
}

function shortLine(text: string | null): string | null {
  if (!text) return null;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > ACTIVITY_CHARS ? `${flat.slice(0, ACTIVITY_CHARS)}...` : flat || null;
}
