/**
 * A reply as the Messages API streams it: Server-Sent Events `message_start`,
 * `ping`, `content_block_start` / `content_block_delta` / `content_block_stop`
 * per block, `message_delta` (stop reason, output tokens) and `message_stop`.
 * A stream that breaks off stops inside its first block, and one that fails
 * ends with an `error` event there.
 */
import type { ContentBlock, Reply } from './reply.js';

export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Characters per `text_delta` / `input_json_delta` unless a turn sets `chunkSize`. */
export const DEFAULT_CHUNK_SIZE = 24;

/** Splits on code points, so a chunk never cuts a surrogate pair in half. */
export function chunkText(text: string, size: number): string[] {
  const points = Array.from(text);
  const chunks: string[] = [];
  for (let start = 0; start < points.length; start += size) {
    chunks.push(points.slice(start, start + size).join(''));
  }
  return chunks;
}

/** `content_block_start` and the deltas of one block (without its `content_block_stop`). */
function openBlockEvents(block: ContentBlock, index: number, chunkSize: number): SseEvent[] {
  const delta = (payload: Record<string, unknown>): SseEvent => ({
    event: 'content_block_delta',
    data: { type: 'content_block_delta', index, delta: payload },
  });
  let start: Record<string, unknown>;
  let deltas: SseEvent[];
  if (block.type === 'text') {
    start = { type: 'text', text: '' };
    deltas = chunkText(block.text, chunkSize).map((text) => delta({ type: 'text_delta', text }));
  } else if (block.type === 'thinking') {
    start = { type: 'thinking', thinking: '', signature: '' };
    deltas = [
      ...chunkText(block.thinking, chunkSize).map((thinking) =>
        delta({ type: 'thinking_delta', thinking }),
      ),
      delta({ type: 'signature_delta', signature: block.signature }),
    ];
  } else {
    start = { type: 'tool_use', id: block.id, name: block.name, input: {} };
    deltas = chunkText(JSON.stringify(block.input), chunkSize).map((partial_json) =>
      delta({ type: 'input_json_delta', partial_json }),
    );
  }
  return [
    {
      event: 'content_block_start',
      data: { type: 'content_block_start', index, content_block: start },
    },
    ...deltas,
  ];
}

function blockEvents(block: ContentBlock, index: number, chunkSize: number): SseEvent[] {
  return [
    ...openBlockEvents(block, index, chunkSize),
    { event: 'content_block_stop', data: { type: 'content_block_stop', index } },
  ];
}

/** Every event of one streamed reply, in order. */
export function replyEvents(reply: Reply, chunkSize = DEFAULT_CHUNK_SIZE): SseEvent[] {
  return [
    ...headEvents(reply),
    ...reply.content.flatMap((block, index) => blockEvents(block, index, chunkSize)),
    {
      event: 'message_delta',
      data: {
        type: 'message_delta',
        delta: { stop_reason: reply.stopReason, stop_sequence: null },
        usage: { output_tokens: reply.usage.output_tokens },
      },
    },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ];
}

/**
 * The events of a stream that breaks off in its first block: `message_start`,
 * `ping`, then the start and deltas of the first block (if the reply has one),
 * then `error` with `error: { type, message }` when one is given.
 */
export function brokenOffEvents(
  reply: Reply,
  error: { type: string; message: string } | null,
  chunkSize = DEFAULT_CHUNK_SIZE,
): SseEvent[] {
  const first = reply.content[0];
  return [
    ...headEvents(reply),
    ...(first ? openBlockEvents(first, 0, chunkSize) : []),
    ...(error ? [{ event: 'error', data: { type: 'error', error } }] : []),
  ];
}

function headEvents(reply: Reply): SseEvent[] {
  const message = {
    id: reply.id,
    type: 'message',
    role: 'assistant',
    model: reply.model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: {
      input_tokens: reply.usage.input_tokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: 1,
    },
  };
  return [
    { event: 'message_start', data: { type: 'message_start', message } },
    { event: 'ping', data: { type: 'ping' } },
  ];
}

/** One event on the wire. */
export function formatSse(event: SseEvent): string {
  return `event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
}
