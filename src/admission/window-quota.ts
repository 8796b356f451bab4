/**
 * The account's window, learnt from the limit statuses agents report with
 * their calls (claude's `rate_limit_event`: the window's reset and its
 * utilization, which rises by 1/N per call in a window of N calls). From it:
 * how many calls the current window has left, less the tries started for it
 * that have not reported yet; and the lead, how long a try takes from its
 * start to its first report. Admission starts no more tries than the window
 * has room for, and starts the next window's tries a lead before its reset,
 * so their first calls meet the window as it opens instead of a start-up
 * later. Without utilization reports it knows nothing and holds nothing.
 */

/** Lead samples kept; the shortest counts (a try that is quicker than it would arrive early). */
const LEAD_SAMPLES = 5;
/** Of that, this share: a lead measured to the report includes the call's answer. */
const LEAD_SHARE = 0.8;

export class WindowQuota {
  /** The current window's reset (ms since the epoch); 0 while unknown. */
  private resetsAt = 0;
  /** The reset of the last window left behind: later reports from it change nothing. */
  private passed = 0;
  /** A random delay after the lead-adjusted opening, drawn per window, so starts spread out. */
  private jitter = 0;
  /** Its utilization so far, 0 to 1. */
  private used = 0;
  /** The utilization of one call (1 / calls per window); null until a report says. */
  private step: number | null = null;
  /** Which window new tries are started for; bumped when the next one opens. */
  private epoch = 0;
  /** Tries started and not reported yet, by the window they were started for. */
  private readonly pending = new Map<object, number>();
  private readonly leads: number[] = [];

  constructor(
    private readonly jitterMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  /** True once reports have shown the window's size: then the quota holds starts. */
  get known(): boolean {
    return this.step !== null;
  }

  /** The current window's reset, when known. */
  get resetAt(): Date | null {
    return this.resetsAt > 0 ? new Date(this.resetsAt) : null;
  }

  /** Calls per window, as learnt. */
  get capacity(): number | null {
    return this.step === null ? null : Math.max(1, Math.round(1 / this.step));
  }

  /**
   * When the next try may start: `now` when the window has room, the next
   * window's opening (its reset less the lead, plus jitter) when it has none,
   * or Infinity while waiting for reports to say when that is.
   */
  nextStart(now: number): number {
    const capacity = this.capacity;
    if (capacity === null) return now;
    const opensAt = this.resetsAt - this.lead() + this.jitter;
    if (this.resetsAt > 0 && now >= opensAt) this.open();
    const usedCalls = Math.round(this.used * capacity);
    let inFlight = 0;
    for (const epoch of this.pending.values()) if (epoch === this.epoch) inFlight++;
    if (usedCalls + inFlight < capacity) return now;
    return this.resetsAt > 0 ? Math.max(now + 1, opensAt) : Infinity;
  }

  /** A try started (`key` names it until it reports or ends). */
  started(key: object, now: number): void {
    this.pending.set(key, this.epoch);
    startedAt.set(key, now);
  }

  /** A try ended or will not start: it reports nothing more. */
  forget(key: object): void {
    this.pending.delete(key);
    startedAt.delete(key);
  }

  /** A status report from try `key`: its window's reset and utilization. */
  report(key: object, resetsAt: Date | null, utilization: number | null, now: number): void {
    const began = startedAt.get(key);
    if (began !== undefined && this.pending.has(key)) {
      this.leads.push(now - began);
      if (this.leads.length > LEAD_SAMPLES) this.leads.shift();
    }
    this.pending.delete(key);
    if (utilization === null || resetsAt === null) return;
    const reset = resetsAt.getTime();
    if (utilization > 0) this.step = Math.min(this.step ?? 1, utilization);
    if (reset <= this.passed) return;
    if (reset > this.resetsAt) {
      // A report from a window not seen before: it is the current one now.
      this.enter(reset);
      this.used = utilization;
    } else if (reset === this.resetsAt) {
      if (utilization > this.used && this.step !== null) {
        this.step = Math.min(this.step, utilization - this.used);
      }
      this.used = Math.max(this.used, utilization);
    }
  }

  /** The window is full (a call was refused) until `resetsAt`. */
  full(resetsAt: Date): void {
    const reset = resetsAt.getTime();
    if (reset <= this.passed || reset < this.resetsAt) return;
    if (reset > this.resetsAt) this.enter(reset);
    this.used = 1;
  }

  /** Most of the shortest recent lead (ms), 0 before any. */
  lead(): number {
    return this.leads.length === 0 ? 0 : Math.round(Math.min(...this.leads) * LEAD_SHARE);
  }

  private enter(reset: number): void {
    this.resetsAt = reset;
    this.jitter = Math.round(this.random() * this.jitterMs);
  }

  /** The next window opens for new tries: none of its calls are used yet. */
  private open(): void {
    this.epoch++;
    this.passed = this.resetsAt;
    this.used = 0;
    this.resetsAt = 0;
  }
}

/** When each pending try started (a WeakMap: keys are tickets). */
const startedAt = new WeakMap<object, number>();
