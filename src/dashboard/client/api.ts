/** The dashboard's JSON API and live streams, as the page calls them (the token rides in a cookie). */
export interface Config {
  allowCancel: boolean;
  runSessionId: string | null;
  baseLogDir: string;
}

export interface SessionSummaryJson {
  sessionId: string;
  patternName: string;
  status: string;
  startedAt: string;
  endedAt: string | null;
  durationMs: number;
  totals: { processes: number; succeeded: number; failed: number; costUsd: number };
  /** Present when the run's model was the mock: its costs are simulated. */
  simulatedCost?: true;
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** POSTs; resolves with the server's answer in words (what it did, or why not). */
export async function post(path: string): Promise<string> {
  const response = await fetch(path, { method: 'POST' });
  if (!response.ok) return (await response.text()).trim();
  const body = (await response.json()) as { message?: string };
  return body.message ?? 'done';
}

export const sessionPath = (id: string): string => `/api/sessions/${encodeURIComponent(id)}`;

/**
 * An EventSource that comes back: the browser reconnects by itself (sending
 * Last-Event-ID); if it gives up, a new one starts after the last id seen.
 */
export class LiveStream {
  private source: EventSource | null = null;
  private lastId: string | null = null;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly event: string,
    private readonly onData: (data: string) => void,
    private readonly onState: (live: boolean) => void,
  ) {
    this.open();
  }

  private open(): void {
    const separator = this.url.includes('?') ? '&' : '?';
    const url = this.lastId === null ? this.url : `${this.url}${separator}after=${this.lastId}`;
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener(this.event, (message) => {
      const event = message as MessageEvent<string>;
      this.lastId = event.lastEventId;
      this.onData(event.data);
    });
    source.onopen = () => this.onState(true);
    source.onerror = () => {
      this.onState(false);
      if (source.readyState === EventSource.CLOSED && !this.stopped) {
        setTimeout(() => {
          if (!this.stopped) this.open();
        }, 2000);
      }
    };
  }

  close(): void {
    this.stopped = true;
    this.source?.close();
  }
}
