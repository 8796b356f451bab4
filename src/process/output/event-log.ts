/**
 * `<logDir>/<processId>.jsonl`: the agent's machine-readable events, one raw
 * line each, exactly as the agent printed them. Opened on the first event.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export class EventLog {
  private stream: WriteStream | null = null;
  private failure: Error | null = null;

  constructor(readonly path: string) {}

  write(raw: Buffer): void {
    if (!this.stream) {
      this.stream = createWriteStream(this.path, { flags: 'w' });
      this.stream.on('error', (error) => (this.failure = error));
    }
    this.stream.write(Buffer.concat([raw, NEWLINE]));
  }

  async close(): Promise<void> {
    if (!this.stream) return;
    this.stream.end();
    if (!this.stream.closed && !this.failure) await once(this.stream, 'close').catch(() => undefined);
  }

  get error(): Error | null {
    return this.failure;
  }
}

const NEWLINE = Buffer.from('\n');
