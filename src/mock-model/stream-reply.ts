/** Writing a reply as a Server-Sent Events stream, with optional pauses between events. */
import type { ServerResponse } from 'node:http';
import { wait } from './http-io.js';
import { mockId, type Reply } from './reply.js';
import { formatSse, replyEvents } from './sse.js';

export interface StreamTiming {
  /** Pause before every event after `message_start`. */
  chunkDelayMs: number;
  chunkSize: number | undefined;
}

export async function streamReply(
  res: ServerResponse,
  reply: Reply,
  timing: StreamTiming,
  signal: AbortSignal,
): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'request-id': mockId('req'),
  });
  const events = replyEvents(reply, timing.chunkSize);
  for (const [index, event] of events.entries()) {
    if (index > 0 && !(await wait(timing.chunkDelayMs, signal))) return;
    if (res.destroyed) return;
    res.write(formatSse(event));
  }
  res.end();
}
