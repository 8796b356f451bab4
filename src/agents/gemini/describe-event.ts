/** One short human line per gemini stream-json event, for the console; null hides it. */
import { excerpt } from '../json-line.js';
import type { GeminiEvent } from './stream-events.js';

export function describeGeminiEvent(event: GeminiEvent): string | null {
  switch (event.type) {
    case 'init':
      return `session ${event.session_id ?? '?'} (model ${event.model ?? '?'})`;
    case 'message':
      return event.role === 'assistant' && event.content ? event.content.trimEnd() : null;
    case 'tool_use': {
      const p = event.parameters ?? {};
      const target = p['file_path'] ?? p['command'] ?? p['dir_path'] ?? p['pattern'] ?? '';
      return `-> ${event.tool_name ?? 'tool'}(${excerpt(String(target), 80)})`;
    }
    case 'tool_result':
      return event.status === 'success' ? null : `tool ${event.status ?? 'error'}`;
    case 'error':
      return `${event.severity ?? 'error'}: ${excerpt(event.message)}`;
    case 'result': {
      const s = event.stats;
      const verdict =
        event.status === 'success' ? 'done' : `error: ${excerpt(event.error?.message, 120)}`;
      return `result: ${verdict} (${s?.input_tokens ?? '?'} in, ${s?.output_tokens ?? '?'} out tokens)`;
    }
    default:
      return null;
  }
}
