/**
 * One session's records for every page watching it: a single tail of its
 * events.jsonl, polled while someone watches, whose lines are kept so a new
 * or reconnecting page gets the records after the `seq` it last saw. A
 * record's seq is its line number, so lines are forwarded as they are,
 * without parsing; a page gets at most one message per poll (the coalescing).
 */
import { LineTail } from './line-tail.js';
import type { EventStream } from './sse.js';

/** Records per message when a page catches up on a long history. */
const BACKLOG_BATCH = 1000;

interface Watcher {
  stream: EventStream;
  /** How many records it has been sent: the seq of the last one. */
  sent: number;
}

export class SessionFeed {
  private readonly lines: string[] = [];
  private readonly tail: LineTail;
  private readonly watchers = new Set<Watcher>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    eventsPath: string,
    private readonly pollMs: number,
    private readonly onIdle: () => void,
  ) {
    this.tail = new LineTail(eventsPath);
  }

  /** Streams the records after seq `after` to `stream`, then each new one, until it closes. */
  watch(stream: EventStream, after: number): void {
    const watcher: Watcher = { stream, sent: Math.max(0, after) };
    this.watchers.add(watcher);
    stream.onClose(() => this.unwatch(watcher));
    this.timer ??= setInterval(() => this.poll(), this.pollMs);
    this.poll();
    this.flush(watcher);
  }

  catchUp(): void {
    this.poll();
  }

  private unwatch(watcher: Watcher): void {
    this.watchers.delete(watcher);
    if (this.watchers.size > 0) return;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.tail.close();
    this.onIdle();
  }

  /** Reads what was appended and sends it to every watcher. */
  private poll(): void {
    const fresh = this.readFresh();
    if (fresh.length === 0) return;
    const from = this.lines.length;
    for (const line of fresh) this.lines.push(line);
    // The usual case: every watcher was up to date, so one message serves all.
    const shared = fresh.length <= BACKLOG_BATCH ? message(fresh) : null;
    for (const watcher of this.watchers) {
      if (shared !== null && watcher.sent === from) {
        watcher.sent = this.lines.length;
        watcher.stream.send('records', watcher.sent, shared);
      } else this.flush(watcher);
    }
  }

  private readFresh(): string[] {
    try {
      return this.tail.read();
    } catch {
      return [];
    }
  }

  private flush(watcher: Watcher): void {
    while (watcher.sent < this.lines.length) {
      const batch = this.lines.slice(watcher.sent, watcher.sent + BACKLOG_BATCH);
      watcher.sent += batch.length;
      watcher.stream.send('records', watcher.sent, message(batch));
    }
  }
}

/** Lines as one JSON array; a line that is not a whole object (a crash's leftover) as null. */
function message(lines: string[]): string {
  return `[${lines.map((line) => (line.startsWith('{') && line.endsWith('}') ? line : 'null')).join(',')}]`;
}

/** The feeds of the sessions being watched now, one per session. */
export class SessionFeeds {
  private readonly feeds = new Map<string, SessionFeed>();

  constructor(private readonly pollMs: number) {}

  /** Sends every watcher what was written up to now (before the server closes). */
  flush(): void {
    for (const feed of this.feeds.values()) feed.catchUp();
  }

  get(eventsPath: string): SessionFeed {
    let feed = this.feeds.get(eventsPath);
    if (!feed) {
      feed = new SessionFeed(eventsPath, this.pollMs, () => this.feeds.delete(eventsPath));
      this.feeds.set(eventsPath, feed);
    }
    return feed;
  }
}
