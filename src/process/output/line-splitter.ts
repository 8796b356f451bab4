/**
 * Splits a byte stream into lines without ever holding more than `maxLineBytes`
 * of one line: a longer line is reported once as overlong and then skipped to
 * its end, so a flood with no newline cannot grow memory.
 */
export interface LineSink {
  line(line: Buffer): void;
  overlong?(bytesSoFar: number): void;
}

const NEWLINE = 10;

export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private skipping = false;

  constructor(
    private readonly sink: LineSink,
    private readonly maxLineBytes: number,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    let end = chunk.indexOf(NEWLINE, start);
    while (end !== -1) {
      this.emit(chunk.subarray(start, end));
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) this.hold(chunk.subarray(start));
  }

  /** Emits the last line even without a trailing newline. */
  end(): void {
    if (this.pendingBytes > 0 && !this.skipping) this.sink.line(this.take());
    this.reset();
  }

  private emit(tail: Buffer): void {
    if (this.skipping) {
      this.reset();
      return;
    }
    if (this.pendingBytes === 0) {
      this.sink.line(tail);
      return;
    }
    this.hold(tail);
    if (!this.skipping) this.sink.line(this.take());
    this.reset();
  }

  private hold(part: Buffer): void {
    if (this.skipping) return;
    this.pendingBytes += part.length;
    if (this.pendingBytes > this.maxLineBytes) {
      this.sink.overlong?.(this.pendingBytes);
      this.skipping = true;
      this.pending = [];
      return;
    }
    // Copy: the caller's chunk may be reused.
    this.pending.push(Buffer.from(part));
  }

  private take(): Buffer {
    return this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
  }

  private reset(): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.skipping = false;
  }
}
