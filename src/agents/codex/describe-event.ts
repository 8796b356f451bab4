/** One short human line per `codex exec --json` event, for the console; null hides it. */
import { excerpt } from '../json-line.js';
import type { CodexEvent, CodexItem } from './stream-events.js';

function describeItem(item: CodexItem): string | null {
  switch (item.type) {
    case 'agent_message':
      return item.text?.trimEnd() ?? null;
    case 'command_execution':
      return `-> shell(${excerpt(item.command, 80)})${item.exit_code != null ? ` exit ${item.exit_code}` : ''}`;
    case 'file_change':
      return `-> ${(item.changes ?? []).map((c) => `${c.kind ?? 'change'} ${c.path ?? '?'}`).join(', ')}`;
    case 'error':
      return `warning: ${excerpt(item.message)}`;
    default:
      return null;
  }
}

export function describeCodexEvent(event: CodexEvent): string | null {
  if (event.type === 'thread.started') return `thread ${event.thread_id ?? '?'}`;
  if (event.type === 'item.completed' && event.item) return describeItem(event.item);
  if (event.type === 'turn.completed') {
    const u = event.usage;
    return `turn completed (${u?.input_tokens ?? '?'} in, ${u?.output_tokens ?? '?'} out tokens)`;
  }
  if (event.type === 'turn.failed') return `turn failed: ${excerpt(event.error?.message)}`;
  if (event.type === 'error') return `error: ${excerpt(event.message)}`;
  return null;
}
