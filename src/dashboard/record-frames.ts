/**
 * A session's records as the bytes of its events.jsonl, kept once, and the
 * SSE messages built from them: a record's `seq` is its line number, so a
 * message of records `from`..`to` is the raw lines joined by commas inside
 * `[...]`, with the last seq as its `id:`. No record is decoded into a string
 * or parsed: one Buffer is built per message and the same Buffer is written
 * to every page that wants it. A line that is not a whole object (a crash's
 * leftover) goes as `null`, so the seqs stay in step with the lines.
 */

const OPEN = 0x7b; // {
const CLOSE = 0x7d; // }
const CR = 0x0d;
const COMMA = 0x2c;
const NULL = Buffer.from('null');
/** The typed array's own search: a builtin, several times cheaper per call than Buffer's. */
const indexOf = Uint8Array.prototype.indexOf;
const TAIL = Buffer.from(']\n\n');

export class RecordFrames {
  /** The file's bytes so far, whole lines only, in a buffer that grows by doubling. */
  private bytes = Buffer.allocUnsafe(64 * 1024);
  private length = 0;
  /** The offset of each line's newline: line `i` (seq i + 1) ends there. */
  private readonly ends: number[] = [];

  /** How many records are kept: the seq of the last one. */
  get count(): number {
    return this.ends.length;
  }

  /** Keeps whole lines (each with its newline); returns how many records they were. */
  append(lines: Buffer): number {
    this.reserve(lines.length);
    lines.copy(this.bytes, this.length);
    const before = this.ends.length;
    for (let at = indexOf.call(lines, 10); at !== -1; at = indexOf.call(lines, 10, at + 1))
      this.ends.push(this.length + at);
    this.length += lines.length;
    return this.ends.length - before;
  }

  /** The SSE message of records `from + 1` to `to` (seqs), event `records`, id `to`. */
  frame(from: number, to: number): Buffer {
    const head = Buffer.from(`id: ${to}\nevent: records\ndata: [`);
    const { bytes, ends } = this;
    const start = from === 0 ? 0 : ends[from - 1]! + 1;
    const stop = ends[to - 1]!;
    const frame = Buffer.allocUnsafe(head.length + (stop - start) + TAIL.length);
    head.copy(frame, 0);
    bytes.copy(frame, head.length, start, stop);
    TAIL.copy(frame, head.length + (stop - start));
    // Each newline between two records becomes the comma between them.
    let first = start;
    for (let i = from; i < to; i++) {
      const end = ends[i]!;
      if (end === first || bytes[first] !== OPEN || bytes[end - 1] !== CLOSE)
        return this.slowFrame(head, from, to);
      if (i < to - 1) frame[head.length + end - start] = COMMA;
      first = end + 1;
    }
    return frame;
  }

  private startOf(index: number): number {
    return index === 0 ? 0 : this.ends[index - 1]! + 1;
  }

  /** The same message when some line is not a whole object, or ends with `\r\n`. */
  private slowFrame(head: Buffer, from: number, to: number): Buffer {
    const parts: Buffer[] = [head];
    for (let i = from; i < to; i++) {
      const start = this.startOf(i);
      let end = this.ends[i]!;
      if (end > start && this.bytes[end - 1] === CR) end -= 1;
      const whole = end > start && this.bytes[start] === OPEN && this.bytes[end - 1] === CLOSE;
      if (i > from) parts.push(Buffer.of(COMMA));
      parts.push(whole ? this.bytes.subarray(start, end) : NULL);
    }
    parts.push(TAIL);
    return Buffer.concat(parts);
  }

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + more) size *= 2;
    const bigger = Buffer.allocUnsafe(size);
    this.bytes.copy(bigger, 0, 0, this.length);
    this.bytes = bigger;
  }
}
