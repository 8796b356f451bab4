/**
 * Where each record is stored: events.jsonl gets it as one JSON line;
 * session.log and the logger get it as a human line (when it has one). Every
 * line goes out whole, so processes logging at once never interleave.
 */
import { describeRecord } from '../events/format-event.js';
import type { OrchestrateEvent } from '../events/types.js';
import { formatLogLine, type Logger } from '../logging/logger.js';
import { sessionFile } from './files.js';
import { LineFile } from './line-file.js';

export class RecordWriter {
  private readonly eventsFile: LineFile;
  private readonly logFile: LineFile;
  private loggerFailed = false;

  constructor(
    sessionDir: string,
    private readonly logger: Logger,
    /** Told once per file that fails (a full disk, a removed folder), and once if the logger throws. */
    private readonly failed: (message: string) => void = () => undefined,
  ) {
    const onError = (error: Error) => {
      const message = `Cannot write the session's files: ${error.message}`;
      failed(message);
      try {
        logger.log('ERROR', 'session', message);
      } catch {
        // A logger that throws must not stop the recording.
      }
    };
    this.eventsFile = new LineFile(sessionFile(sessionDir, 'events'), onError);
    this.logFile = new LineFile(sessionFile(sessionDir, 'log'), onError);
  }

  write(event: OrchestrateEvent): void {
    this.eventsFile.write(JSON.stringify(event));
    const line = describeRecord(event);
    if (!line) return;
    this.logFile.write(formatLogLine(line.level, line.source, line.message, new Date(event.at)));
    try {
      this.logger.log(line.level, line.source, line.message);
    } catch (error) {
      // The record is in both files already; a logger that throws must not keep it from the
      // session's listeners, nor go unsaid.
      if (this.loggerFailed) return;
      this.loggerFailed = true;
      this.failed(
        `The session's logger threw: ${(error as Error).message}; its lines are still in session.log`,
      );
    }
  }

  /** Closes both files (every line is already written). */
  close(): void {
    this.eventsFile.close();
    this.logFile.close();
  }
}
