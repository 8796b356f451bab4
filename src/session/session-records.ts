/**
 * A session's record stream: each draft gets its `seq`, time and session id,
 * then goes to the running-records cache, the summary, the files
 * (events.jsonl, session.log) and the session's `'event'` listeners, in that
 * order. After `end()` nothing more is recorded.
 */
import type { EventDraft, OrchestrateEvent } from '../events/types.js';
import type { Logger } from '../logging/logger.js';
import { LiveRecords } from './live-records.js';
import { RecordWriter } from './record-writer.js';
import { SummaryBuilder, type SummaryBuilderOptions } from './summary-builder.js';

export class SessionRecords {
  readonly live = new LiveRecords();
  readonly builder: SummaryBuilder;
  private readonly writer: RecordWriter;
  private seq = 0;
  private closed = false;

  constructor(
    private readonly sessionId: string,
    sessionDir: string,
    private readonly logger: Logger,
    /** Emits the record to the session's listeners. */
    private readonly emit: (event: OrchestrateEvent) => void,
    /** Told once per file that fails (a full disk, a removed folder). */
    failed: (message: string) => void = () => undefined,
    /** How many finished entries the summary keeps in memory (see summary-builder.ts). */
    builder: SummaryBuilderOptions = {},
  ) {
    this.builder = new SummaryBuilder(builder);
    this.writer = new RecordWriter(sessionDir, logger, failed);
  }

  /**
   * A reopened session (OrchestratorSession.resume): its records so far make
   * the summary, and new records go on after the last `seq`. An earlier
   * session-end (of the run, or of an earlier resume) is not this run's.
   */
  replay(events: readonly OrchestrateEvent[]): void {
    for (const event of events) {
      this.seq = Math.max(this.seq, event.seq);
      if (event.kind === 'session-end') continue;
      this.builder.apply(event);
      if (event.kind === 'session-start') this.live.add(event);
    }
  }

  get ended(): boolean {
    return this.closed;
  }

  record(draft: EventDraft): void {
    if (this.closed) return;
    const { kind, ...fields } = draft;
    const event = {
      kind,
      seq: ++this.seq,
      at: new Date().toISOString(),
      sessionId: this.sessionId,
      ...fields,
    } as OrchestrateEvent;
    this.live.add(event);
    this.builder.apply(event);
    this.writer.write(event);
    try {
      this.emit(event);
    } catch (error) {
      try {
        this.logger.log(
          'ERROR',
          'session',
          `An 'event' listener threw: ${(error as Error).message}`,
        );
      } catch {
        // A logger that throws is told of once, by the writer.
      }
    }
  }

  /** Records nothing more from now on. */
  end(): void {
    this.closed = true;
  }

  /** Flushes and closes the files. */
  closeFiles(): void {
    this.writer.close();
  }
}
