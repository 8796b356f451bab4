/**
 * Follows a growing text file a whole line at a time: each read() returns the
 * lines completed since the last one, reading only the new bytes (never the
 * whole file again). A half-written last line waits for its newline.
 */
import { open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

/** At most this many bytes per read(), so a huge backlog is taken in steps. */
const CHUNK_BYTES = 1 << 20;

export class LineTail {
  /** Bytes consumed: the end of the last complete line returned. */
  private consumed: number;
  private partial = '';
  private partialBytes = 0;
  private decoder = new StringDecoder('utf8');

  constructor(
    readonly path: string,
    startAt = 0,
  ) {
    this.consumed = startAt;
  }

  /** The byte offset just after the last line returned. */
  get offset(): number {
    return this.consumed;
  }

  /** The lines completed since the last call (without their newlines); [] when none or no file. */
  async read(): Promise<string[]> {
    const readFrom = this.consumed + this.partialBytes;
    let size: number;
    try {
      size = (await stat(this.path)).size;
    } catch {
      return [];
    }
    if (size <= readFrom) return [];
    const handle = await open(this.path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(size - readFrom, CHUNK_BYTES));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, readFrom);
      return this.take(buffer.subarray(0, bytesRead));
    } finally {
      await handle.close();
    }
  }

  private take(bytes: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let newline = bytes.indexOf(10); newline !== -1; newline = bytes.indexOf(10, start)) {
      const text = this.partial + this.decoder.write(bytes.subarray(start, newline));
      this.consumed += this.partialBytes + (newline - start) + 1;
      this.partial = '';
      this.partialBytes = 0;
      this.decoder = new StringDecoder('utf8');
      lines.push(text.endsWith('\r') ? text.slice(0, -1) : text);
      start = newline + 1;
    }
    if (start < bytes.length) {
      this.partial += this.decoder.write(bytes.subarray(start));
      this.partialBytes += bytes.length - start;
    }
    return lines;
  }
}
