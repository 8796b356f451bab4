/**
 * One process log, live, for one page: the lines from where the page left
 * off (its Last-Event-ID is a byte offset), else the last 256 KiB, then the
 * lines appended on each tick of the dashboard's ticker, one message per tick.
 */
import { stat } from 'node:fs/promises';
import { LineTail } from './line-tail.js';
import type { EventStream } from './sse.js';
import type { Ticker } from './ticker.js';

const FIRST_VIEW_BYTES = 256 * 1024;

export async function streamLog(
  stream: EventStream,
  path: string,
  resumeAt: number | null,
  ticker: Ticker,
): Promise<void> {
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  const start = resumeAt ?? Math.max(0, size - FIRST_VIEW_BYTES);
  const tail = new LineTail(path, Math.min(start, size));
  // Starting inside the file: the first line read is only the end of one.
  let skipFirst = resumeAt === null && start > 0;
  const poll = () => {
    let lines: string[];
    try {
      lines = tail.read();
    } catch {
      return; // The file went away; nothing more to show.
    }
    if (skipFirst && lines.length > 0) {
      lines = lines.slice(1);
      skipFirst = false;
    }
    if (lines.length > 0) stream.send('log', tail.offset, JSON.stringify(lines));
  };
  const stop = ticker.add(poll);
  stream.onClose(() => {
    stop();
    tail.close();
  });
  poll();
}
