/**
 * Writing a reply as a Server-Sent Events stream, with optional pauses between
 * events; a stream can also break off in its first block, with an `error`
 * event (the API's mid-stream errors) or by dropping the connection.
 */
import type { ServerResponse } from 'node:http';
import { wait } from './http-io.js';
import { mockId, type Reply } from './reply.js';
import { brokenOffEvents, formatSse, replyEvents } from './sse.js';

export interface StreamTiming {
  /** Pause before every event after `message_start`. */
  chunkDelayMs: number;
  chunkSize: number | undefined;
}

/** How the stream ends: whole, with an `error` event, or with the connection dropped. */
export type StreamEnding =
  | { kind: 'complete' }
  | { kind: 'error'; error: { type: string; message: string } }
  | { kind: 'drop' };

function eventsFor(reply: Reply, chunkSize: number | undefined, ending: StreamEnding) {
  if (ending.kind === 'complete') return replyEvents(reply, chunkSize);
  return brokenOffEvents(reply, ending.kind === 'error' ? ending.error : null, chunkSize);
}

export async function streamReply(
  res: ServerResponse,
  reply: Reply,
  timing: StreamTiming,
  signal: AbortSignal,
  ending: StreamEnding = { kind: 'complete' },
): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'request-id': mockId('req'),
  });
  const events = eventsFor(reply, timing.chunkSize, ending);
  for (const [index, event] of events.entries()) {
    if (index > 0 && !(await wait(timing.chunkDelayMs, signal))) return;
    if (res.destroyed) return;
    res.write(formatSse(event));
  }
  // A drop closes the connection once what was written is sent, with no end to the stream.
  if (ending.kind === 'drop') res.socket?.destroySoon();
  else res.end();
}
