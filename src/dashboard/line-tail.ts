/**
 * Follows a growing text file a whole line at a time: each read() returns the
 * lines completed since the last one, reading only the bytes after the last
 * whole line (never the whole file again). A half-written last line waits for
 * its newline, and is read again then; a newline never sits inside a UTF-8
 * character, so whole lines decode on their own. The file stays open between
 * reads and is read synchronously: an fstat and a read of a few new bytes take
 * microseconds, far less than a trip through the thread pool, which matters
 * when it runs on the orchestrator's own thread several times a second.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** At most this many bytes per step, so a huge backlog is taken in pieces. */
const CHUNK_BYTES = 1 << 20;

export class LineTail {
  /** Bytes consumed: the end of the last complete line returned. */
  private consumed: number;
  private fd: number | null = null;

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
  read(): string[] {
    const fd = this.open();
    if (fd === null) return [];
    const size = fstatSync(fd).size;
    const lines: string[] = [];
    let chunk = CHUNK_BYTES;
    while (size > this.consumed) {
      const buffer = Buffer.allocUnsafe(Math.min(size - this.consumed, chunk));
      const bytes = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, this.consumed));
      const last = bytes.lastIndexOf(10);
      if (last === -1) {
        // No newline yet: a half-written line, or one longer than the chunk.
        if (bytes.length < chunk) break;
        chunk *= 2;
        continue;
      }
      for (const line of bytes.toString('utf8', 0, last).split('\n'))
        lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
      this.consumed += last + 1;
    }
    return lines;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private open(): number | null {
    if (this.fd === null) {
      try {
        this.fd = openSync(this.path, 'r');
      } catch {
        return null;
      }
    }
    return this.fd;
  }
}
