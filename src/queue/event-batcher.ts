/**
 * Coalesces a run's events into few progress updates: a start or an end goes
 * out at once, anything else within `intervalMs`, in order, one update in
 * flight at a time (events that arrive meanwhile ride the next one). A failed
 * send is reported and dropped: the run goes on, and its files keep everything.
 * Events that may be dropped (the agent's output) are offered with their size
 * and refused while `limitBytes` of them are queued or in flight, so an agent
 * that writes faster than Redis takes it cannot grow the worker's memory.
 */
export type SendBatch<T> = (events: T[]) => Promise<void>;

export class EventBatcher<T extends { kind: string }> {
  private pending: T[] = [];
  /** Bytes of offered events in `pending`. */
  private pendingBytes = 0;
  /** Bytes of offered events queued or in flight. */
  private heldBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly send: SendBatch<T>,
    private readonly onError: (error: Error, dropped: number) => void,
    private readonly intervalMs = 100,
    private readonly limitBytes = Infinity,
  ) {}

  add(event: T): void {
    this.pending.push(event);
    if (event.kind === 'start' || event.kind === 'end') this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Adds an event that may be dropped; false (not added) when it would pass `limitBytes`. */
  offer(event: T, bytes: number): boolean {
    if (this.heldBytes + bytes > this.limitBytes) return false;
    this.heldBytes += bytes;
    this.pendingBytes += bytes;
    this.add(event);
    return true;
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
    const bytes = this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    this.sending = this.sending.then(() =>
      this.send(events)
        .catch((error: unknown) =>
          this.onError(error instanceof Error ? error : new Error(String(error)), events.length),
        )
        .finally(() => (this.heldBytes -= bytes)),
    );
  }
}
