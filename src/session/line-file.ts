/**
 * An append-only file written a whole line at a time, synchronously: each
 * line is one write(2) call, so processes logging at once never interleave
 * partial lines, a reader (`orchestrate sessions`, a dashboard) always sees
 * whole lines, and a crash loses nothing already recorded. A write failure is
 * kept and reported once, never thrown.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export class LineFile {
  private fd: number | null = null;
  private failure: Error | null = null;

  constructor(
    readonly path: string,
    private readonly onError: (error: Error) => void = () => undefined,
  ) {
    // Opened now, so the file exists as soon as the session does.
    try {
      this.fd = openSync(path, 'a');
    } catch (error) {
      this.fail(error as Error);
    }
  }

  /** Appends `line` and a newline. */
  write(line: string): void {
    if (this.fd === null) return;
    const bytes = Buffer.from(`${line}\n`);
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(this.fd, bytes, done);
    } catch (error) {
      this.fail(error as Error);
    }
  }

  close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch (error) {
      this.fail(error as Error);
    }
    this.fd = null;
  }

  get error(): Error | null {
    return this.failure;
  }

  private fail(error: Error): void {
    if (!this.failure) this.onError(error);
    this.failure = error;
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // Already failing; the first error is the one reported.
      }
      this.fd = null;
    }
  }
}
