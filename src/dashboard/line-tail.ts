/**
 * Follows a growing text file a whole line at a time: each read() returns the
 * lines completed since the last one (readBytes() their bytes, undecoded),
 * reading only the bytes after the last whole line (never the whole file
 * again). A half-written last line waits for its newline, and is read again
 * then; a newline never sits inside a UTF-8 character, so whole lines decode
 * on their own. The file stays open between reads and is read synchronously
 * into one buffer kept for the purpose: a read of a few new bytes (or of none)
 * takes microseconds, far less than a trip through the thread pool, which
 * matters when it runs on the orchestrator's own thread several times a
 * second. No fstat: a read that returns nothing says there is nothing new.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** The first read buffer; it doubles for a line longer than it. */
const FIRST_BYTES = 64 * 1024;
/** The typed array's own search: a builtin, several times cheaper per call than Buffer's. */
const lastIndexOf = Uint8Array.prototype.lastIndexOf;

export class LineTail {
  /** Bytes consumed: the end of the last complete line returned. */
  private consumed: number;
  private fd: number | null = null;
  private scratch: Buffer | null = null;

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
    const bytes = this.readBytes();
    if (bytes === null) return [];
    const lines = bytes.toString('utf8', 0, bytes.length - 1).split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.endsWith('\r')) lines[i] = lines[i]!.slice(0, -1);
    }
    return lines;
  }

  /**
   * The bytes of the lines completed since the last call, each newline
   * included (so they end with one), undecoded; null when none or no file.
   * They may sit in the tail's own buffer: use them before the next read.
   */
  readBytes(): Buffer | null {
    const fd = this.open();
    if (fd === null) return null;
    let pieces: Buffer[] | null = null;
    let scratch = (this.scratch ??= Buffer.allocUnsafe(FIRST_BYTES));
    for (;;) {
      const read = readSync(fd, scratch, 0, scratch.length, this.consumed);
      const last = lastIndexOf.call(scratch.subarray(0, read), 10);
      if (last === -1) {
        // Nothing new, a half-written line, or one longer than the buffer.
        if (read < scratch.length) break;
        scratch = this.scratch = Buffer.allocUnsafe(scratch.length * 2);
        continue;
      }
      const lines = scratch.subarray(0, last + 1);
      this.consumed += last + 1;
      if (read < scratch.length && pieces === null) return lines;
      // A long backlog: the buffer is read again, so each piece is copied out.
      (pieces ??= []).push(Buffer.from(lines));
      if (read < scratch.length) break;
    }
    if (pieces === null) return null;
    return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
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
