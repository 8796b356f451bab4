/**
 * Coalesces a run's events into few progress updates: a start or an end goes
 * out at once, anything else within `intervalMs`, in order, one update in
 * flight at a time (events that arrive meanwhile ride the next one). A failed
 * send is reported and dropped: the run goes on, and its files keep everything.
 */
export type SendBatch<T> = (events: T[]) => Promise<void>;

export class EventBatcher<T extends { kind: string }> {
  private pending: T[] = [];
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly send: SendBatch<T>,
    private readonly onError: (error: Error, dropped: number) => void,
    private readonly intervalMs = 100,
  ) {}

  add(event: T): void {
    this.pending.push(event);
    if (event.kind === 'start' || event.kind === 'end') this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends what is pending and resolves when every update so far has been sent. */
  close(): Promise<void> {
    this.flush();
    return this.sending;
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    this.sending = this.sending.then(() =>
      this.send(events).catch((error: unknown) =>
        this.onError(error instanceof Error ? error : new Error(String(error)), events.length),
      ),
    );
  }
}
