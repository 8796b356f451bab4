/**
 * One short human line per stream-json event, for the console (`--stream`)
 * and `orchestrate logs` transcripts: assistant text, `-> Tool(target)`, `<-`
 * each tool's result in short, API retries, the result; null hides it.
 */
import { agentRetryText } from '../../events/agent-retry-text.js';
import { apiRetryOf } from './api-retry.js';
import type { ClaudeEvent, ContentBlock } from './stream-events.js';

function short(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}...` : flat;
}

function describeBlock(block: ContentBlock): string | null {
  if (block.type === 'text' && block.text) return block.text.trimEnd();
  if (block.type === 'tool_use') {
    const input = block.input ?? {};
    const target = input.file_path ?? input.command ?? input.pattern ?? input.url ?? '';
    return `-> ${block.name ?? 'tool'}(${short(String(target), 80)})`;
  }
  return null;
}

/** A tool's result in short: `<- File created at ...`, `<- error: ...`. */
function describeResult(block: Record<string, unknown>): string | null {
  if (block.type !== 'tool_result') return null;
  const content = block.content;
  const text =
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? content
            .map((part: { type?: string; text?: string }) =>
              part.type === 'text' ? part.text : '',
            )
            .join(' ')
        : '';
  return `<- ${block.is_error === true ? 'error: ' : ''}${short(text, 120)}`;
}

export function describeEvent(event: ClaudeEvent): string | null {
  const e = event as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (e.type === 'system' && e.subtype === 'init')
    return `session ${e.session_id ?? '?'} (model ${e.model ?? '?'})`;
  const retry = apiRetryOf(event);
  if (retry) return agentRetryText(retry);
  if (e.type === 'assistant') {
    const blocks: ContentBlock[] = e.message?.content ?? [];
    const lines = blocks.map(describeBlock).filter((l): l is string => l !== null);
    return lines.length > 0 ? lines.join('\n') : null;
  }
  if (e.type === 'user' && Array.isArray(e.message?.content)) {
    const lines = (e.message.content as Record<string, unknown>[])
      .map(describeResult)
      .filter((l): l is string => l !== null);
    return lines.length > 0 ? lines.join('\n') : null;
  }
  if (e.type === 'result') {
    const cost = typeof e.total_cost_usd === 'number' ? `, $${e.total_cost_usd.toFixed(4)}` : '';
    const verdict = e.is_error
      ? `error${e.api_error_status ? ` ${e.api_error_status}` : ''}`
      : 'done';
    const why =
      e.is_error && typeof e.result === 'string' && e.result ? `: ${short(e.result)}` : '';
    return `result: ${verdict} in ${e.num_turns ?? '?'} turns${cost}${why}`;
  }
  return null;
}
