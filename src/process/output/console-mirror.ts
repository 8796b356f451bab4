/**
 * The console copy of an agent's lines, bounded: a console that reads slower
 * than the agents write (a pager, `| (sleep 3; cat)`, a slow terminal) must
 * neither stall the agents nor grow memory. While more than MIRROR_LIMIT_BYTES
 * wait in the console's buffer, lines are dropped and counted; the log file
 * still has every byte, and the caller reports the count.
 */
import type { Writable } from 'node:stream';

export const MIRROR_LIMIT_BYTES = 1024 * 1024;

export class ConsoleMirror {
  /** Lines not shown because the console was behind. */
  dropped = 0;

  constructor(
    private readonly out: Writable,
    private readonly limitBytes = MIRROR_LIMIT_BYTES,
  ) {}

  line(text: string): void {
    if (this.out.writableLength > this.limitBytes) {
      this.dropped++;
      return;
    }
    this.out.write(text);
  }
}
