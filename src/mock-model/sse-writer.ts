/** Writes prepared Server-Sent Event frames, pausing between them, until done or aborted. */
import type { ServerResponse } from 'node:http';
import { wait } from './http-io.js';

export async function writeSseFrames(
  res: ServerResponse,
  frames: readonly string[],
  chunkDelayMs: number,
  signal: AbortSignal,
): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
  });
  for (const [index, frame] of frames.entries()) {
    if (index > 0 && !(await wait(chunkDelayMs, signal))) return;
    if (res.destroyed) return;
    res.write(frame);
  }
  res.end();
}
