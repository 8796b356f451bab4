/**
 * One timer for every follower of a dashboard (each session's records, each
 * process log a page shows): each tick runs every poll in turn. A wake-up of
 * the process costs far more than the few reads a poll makes, so N followed
 * files cost one wake-up per interval, not N. The timer runs only while
 * something is followed.
 */
export class Ticker {
  private readonly polls = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly intervalMs: number) {}

  /** Runs `poll` on every tick until the returned function is called. */
  add(poll: () => void): () => void {
    this.polls.add(poll);
    this.timer ??= setInterval(() => this.tick(), this.intervalMs);
    return () => {
      this.polls.delete(poll);
      if (this.polls.size > 0 || this.timer === null) return;
      clearInterval(this.timer);
      this.timer = null;
    };
  }

  private tick(): void {
    for (const poll of this.polls) poll();
  }
}
