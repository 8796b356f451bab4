/**
 * Reading files that grow, a piece at a time: the bytes appended to a log
 * since the last look (written out with backpressure), and the records
 * appended to events.jsonl (a half-written last line waits for its end).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Writable } from 'node:stream';
import { parseEventRecord } from '../../events/parse-events.js';
import type { OrchestrateEvent } from '../../events/types.js';
import { drained, outputClosed } from '../output-closed.js';

const CHUNK_BYTES = 64 * 1024;
/** At most this much is read ahead of a slow reader. */
const PASS_BYTES = 1024 * 1024;

/** Calls `each` with the chunks of `path` from `offset` on (at most `maxBytes`); returns the new offset. */
function readFrom(
  path: string,
  offset: number,
  each: (chunk: Buffer) => void,
  maxBytes = Infinity,
): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return offset; // not there (yet)
  }
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    const end = offset + maxBytes;
    while (offset < end) {
      const n = readSync(fd, buffer, 0, Math.min(buffer.length, end - offset), offset);
      if (n === 0) break;
      each(Buffer.from(buffer.subarray(0, n)));
      offset += n;
    }
    return offset;
  } finally {
    closeSync(fd);
  }
}

/** Writes the bytes of `path` from `offset` on to `out`, at the reader's pace; resolves with the new offset. */
export async function appendedBytes(path: string, offset: number, out: Writable): Promise<number> {
  for (;;) {
    const chunks: Buffer[] = [];
    const next = readFrom(path, offset, (chunk) => chunks.push(chunk), PASS_BYTES);
    for (const chunk of chunks) {
      if (outputClosed()) return offset;
      if (!out.write(chunk)) await drained(out);
    }
    if (next === offset) return offset;
    offset = next;
  }
}

/** The records of an events.jsonl, read incrementally. */
export class EventsTail {
  readonly events: OrchestrateEvent[] = [];
  private offset = 0;
  private partial = '';
  private readonly decoder = new StringDecoder('utf8');

  constructor(readonly path: string) {}

  /** Reads what was appended since the last call. */
  read(): void {
    this.offset = readFrom(this.path, this.offset, (chunk) => {
      const lines = (this.partial + this.decoder.write(chunk)).split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) {
        const event = parseEventRecord(line.trim());
        if (event) this.events.push(event);
      }
    });
  }
}
