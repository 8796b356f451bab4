/**
 * `<logDir>/<processId>.jsonl`: the agent's machine-readable events, one raw
 * line each, exactly as the agent printed them. Opened on the first event;
 * synchronous writes, as the process log (see process-log.ts for why).
 */
import { appendFileSync, writeFileSync } from 'node:fs';

export class EventLog {
  private opened = false;
  private failure: Error | null = null;

  constructor(readonly path: string) {}

  write(raw: Buffer): void {
    if (this.failure) return;
    try {
      const line = Buffer.concat([raw, NEWLINE]);
      if (this.opened) appendFileSync(this.path, line);
      else writeFileSync(this.path, line);
      this.opened = true;
    } catch (error) {
      this.failure = error as Error;
    }
  }

  get error(): Error | null {
    return this.failure;
  }
}

const NEWLINE = Buffer.from('\n');
