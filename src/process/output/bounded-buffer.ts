/**
 * Keeps the first `capBytes` bytes of a stream in memory and counts the rest,
 * so memory stays bounded whatever the output size (the log file has it all).
 */
export class BoundedBuffer {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private seen = 0;

  constructor(private readonly capBytes: number) {}

  push(chunk: Buffer): void {
    this.seen += chunk.length;
    const room = this.capBytes - this.kept;
    if (room <= 0) return;
    // Copy: the caller's chunk may live in a reused buffer.
    const part = Buffer.from(chunk.length <= room ? chunk : chunk.subarray(0, room));
    this.chunks.push(part);
    this.kept += part.length;
  }

  get truncated(): boolean {
    return this.seen > this.kept;
  }

  get totalBytes(): number {
    return this.seen;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.kept);
  }

  toString(): string {
    return this.toBuffer().toString('utf8');
  }
}
