/**
 * The slow start: before the account has said anything about its limits, only
 * a few tries start (one by default), so a first burst of `-j` does not meet a
 * window smaller than itself. The first word opens it up to the concurrency:
 * a limit report (from then on the window it reports paces the starts), an
 * agent's notice that its account sends none (claude with an API key says so
 * as it starts), or a try that ended. So does `maxMs` after the first start,
 * so an agent that never says anything is held back that long at most.
 */
export class SlowStart {
  private opened: boolean;
  private started = 0;
  private firstAt: number | null = null;

  /** `starts`: tries started before it opens; false: open from the start. */
  constructor(
    private readonly starts: number | false,
    private readonly maxMs: number,
  ) {
    this.opened = starts === false;
  }

  /** True once it no longer holds starts back. */
  isOpen(now: number): boolean {
    if (!this.opened && this.firstAt !== null && now >= this.firstAt + this.maxMs)
      this.opened = true;
    return this.opened;
  }

  /** How many tries may run at once while it holds (Infinity once open). */
  limit(now: number): number {
    return this.isOpen(now) ? Infinity : (this.starts as number);
  }

  /** When the next try may start: `now`, or when the bound opens it. */
  nextStart(now: number): number {
    if (this.isOpen(now) || this.started < (this.starts as number)) return now;
    return (this.firstAt ?? now) + this.maxMs;
  }

  /** A try started. */
  start(now: number): void {
    this.firstAt ??= now;
    this.started++;
  }

  /** A try will not start after all: its place goes to the next. */
  unstart(): void {
    if (!this.opened && this.started > 0) this.started--;
  }

  /** The account or an agent said something, or a try ended: true when this opened it. */
  open(): boolean {
    if (this.opened) return false;
    this.opened = true;
    return true;
  }
}
