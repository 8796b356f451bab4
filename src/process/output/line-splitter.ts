/**
 * Splits a byte stream into lines without ever holding more than `maxLineBytes`
 * of one line: a longer line is reported once as overlong and then skipped to
 * its end, so a flood with no newline cannot grow memory.
 *
 * With `firstByte` set, only lines that begin with that byte are delivered and
 * the others are skipped with a native search for "\n" + firstByte, so a flood
 * of plain text costs almost nothing (measured in bench/core/throughput).
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
  /** Filtered mode: inside a line that is being kept. */
  private keeping = false;
  private atLineStart = true;
  private readonly marker: Buffer | null;

  constructor(
    private readonly sink: LineSink,
    private readonly maxLineBytes: number,
    private readonly firstByte: number | null = null,
  ) {
    this.marker = firstByte === null ? null : Buffer.from([NEWLINE, firstByte]);
  }

  push(chunk: Buffer): void {
    if (this.marker) this.pushFiltered(chunk);
    else this.pushAll(chunk, 0);
  }

  /** Emits the last line even without a trailing newline. */
  end(): void {
    if (this.pendingBytes > 0 && !this.skipping) this.sink.line(this.take());
    this.reset();
  }

  private pushAll(chunk: Buffer, from: number): void {
    let start = from;
    let end = chunk.indexOf(NEWLINE, start);
    while (end !== -1) {
      this.emit(chunk.subarray(start, end));
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) this.hold(chunk.subarray(start));
  }

  private pushFiltered(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.keeping) {
        const end = chunk.indexOf(NEWLINE, pos);
        if (end === -1) {
          this.hold(chunk.subarray(pos));
          return;
        }
        this.emit(chunk.subarray(pos, end));
        this.keeping = false;
        this.atLineStart = true;
        pos = end + 1;
      } else if (this.atLineStart) {
        this.keeping = chunk[pos] === this.firstByte;
        this.atLineStart = false;
      } else {
        const next = chunk.indexOf(this.marker!, pos);
        if (next === -1) {
          this.atLineStart = chunk[chunk.length - 1] === NEWLINE;
          return;
        }
        pos = next + 1;
        this.atLineStart = true;
      }
    }
  }

  private emit(tail: Buffer): void {
    if (this.skipping) {
      this.reset();
      return;
    }
    if (this.pendingBytes === 0) {
      if (tail.length > this.maxLineBytes) this.sink.overlong?.(tail.length);
      else this.sink.line(tail);
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
