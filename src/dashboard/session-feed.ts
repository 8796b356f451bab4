/**
 * One session's records for every page watching it: a single tail of its
 * events.jsonl, read on each tick of the dashboard's ticker while someone
 * watches, whose bytes are kept so a new or reconnecting page gets the
 * records after the `seq` it last saw. A record's seq is its line number, so
 * lines are forwarded as they are, never decoded or parsed (record-frames.ts);
 * a page gets at most one message per tick (the coalescing), and the pages
 * that are up to date share one Buffer.
 */
import { LineTail } from './line-tail.js';
import { RecordFrames } from './record-frames.js';
import type { EventStream } from './sse.js';
import type { Ticker } from './ticker.js';

/** Records per message when a page catches up on a long history. */
const BACKLOG_BATCH = 1000;

interface Watcher {
  stream: EventStream;
  /** How many records it has been sent: the seq of the last one. */
  sent: number;
}

export class SessionFeed {
  private readonly records = new RecordFrames();
  private readonly tail: LineTail;
  private readonly watchers = new Set<Watcher>();
  private stop: (() => void) | null = null;

  constructor(
    eventsPath: string,
    private readonly ticker: Ticker,
    private readonly onIdle: () => void,
  ) {
    this.tail = new LineTail(eventsPath);
  }

  /** Streams the records after seq `after` to `stream`, then each new one, until it closes. */
  watch(stream: EventStream, after: number): void {
    const watcher: Watcher = { stream, sent: Math.max(0, after) };
    this.watchers.add(watcher);
    stream.onClose(() => this.unwatch(watcher));
    this.stop ??= this.ticker.add(() => this.poll());
    this.poll();
    this.flush(watcher);
  }

  catchUp(): void {
    this.poll();
  }

  private unwatch(watcher: Watcher): void {
    this.watchers.delete(watcher);
    if (this.watchers.size > 0) return;
    this.stop?.();
    this.stop = null;
    this.tail.close();
    this.onIdle();
  }

  /** Reads what was appended and sends it to every watcher. */
  private poll(): void {
    const fresh = this.readFresh();
    if (fresh === null) return;
    const from = this.records.count;
    const to = from + this.records.append(fresh);
    // The usual case: every watcher was up to date, so one message serves all.
    let shared: Buffer | null = null;
    for (const watcher of this.watchers) {
      if (watcher.sent === from && to - from <= BACKLOG_BATCH) {
        shared ??= this.records.frame(from, to);
        watcher.sent = to;
        watcher.stream.sendBytes(shared);
      } else this.flush(watcher);
    }
  }

  private readFresh(): Buffer | null {
    try {
      return this.tail.readBytes();
    } catch {
      return null;
    }
  }

  private flush(watcher: Watcher): void {
    const { count } = this.records;
    while (watcher.sent < count) {
      const from = watcher.sent;
      watcher.sent = Math.min(count, from + BACKLOG_BATCH);
      watcher.stream.sendBytes(this.records.frame(from, watcher.sent));
    }
  }
}

/** The feeds of the sessions being watched now, one per session. */
export class SessionFeeds {
  private readonly feeds = new Map<string, SessionFeed>();

  constructor(private readonly ticker: Ticker) {}

  /** Sends every watcher what was written up to now (before the server closes). */
  flush(): void {
    for (const feed of this.feeds.values()) feed.catchUp();
  }

  get(eventsPath: string): SessionFeed {
    let feed = this.feeds.get(eventsPath);
    if (!feed) {
      feed = new SessionFeed(eventsPath, this.ticker, () => this.feeds.delete(eventsPath));
      this.feeds.set(eventsPath, feed);
    }
    return feed;
  }
}
