/**
 * Follows a growing text file a whole line at a time: each read() returns the
 * lines completed since the last one, reading only the bytes after the last
 * whole line (never the whole file again). A half-written last line waits for
 * its newline, and is read again then; a newline never sits inside a UTF-8
 * character, so whole lines decode on their own.
 */
import { open, stat } from 'node:fs/promises';

/** At most this many bytes per read(), so a huge backlog is taken in steps. */
const CHUNK_BYTES = 1 << 20;

export class LineTail {
  /** Bytes consumed: the end of the last complete line returned. */
  private consumed: number;

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
    let size: number;
    try {
      size = (await stat(this.path)).size;
    } catch {
      return [];
    }
    const lines: string[] = [];
    let chunk = CHUNK_BYTES;
    while (size > this.consumed) {
      const bytes = await this.readAt(this.consumed, Math.min(size - this.consumed, chunk));
      const last = bytes.lastIndexOf(10);
      if (last === -1) {
        // No newline yet: a half-written line, or one longer than the chunk.
        if (bytes.length < chunk) break;
        chunk *= 2;
        continue;
      }
      const text = bytes.toString('utf8', 0, last);
      for (const line of text.split('\n'))
        lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
      this.consumed += last + 1;
    }
    return lines;
  }

  private async readAt(position: number, length: number): Promise<Buffer> {
    const handle = await open(this.path, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
}
