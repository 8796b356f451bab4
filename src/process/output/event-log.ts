/**
 * `<logDir>/<processId>.jsonl`: the agent's machine-readable events, one raw
 * line each, exactly as the agent printed them. Opened on the first event and
 * kept open until `close()`; synchronous writes, as the process log (see
 * process-log.ts for why).
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const NEWLINE = Buffer.from('\n');

export class EventLog {
  private fd: number | null = null;
  private failure: Error | null = null;

  constructor(readonly path: string) {}

  write(raw: Buffer): void {
    if (this.failure) return;
    try {
      this.fd ??= openSync(this.path, 'w');
      const line = Buffer.concat([raw, NEWLINE]);
      let offset = 0;
      while (offset < line.length) offset += writeSync(this.fd, line, offset);
    } catch (error) {
      this.failure = error as Error;
    }
  }

  close(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch (error) {
      this.failure ??= error as Error;
    }
    this.fd = null;
  }

  get error(): Error | null {
    return this.failure;
  }
}
