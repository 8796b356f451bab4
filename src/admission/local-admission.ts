/**
 * The admission controller of one session on this machine. A rejected limit
 * with a reset pauses every new start until the reset (plus jitter); pressure
 * without a reset (an agent retrying a 429 or an overload, a 429 or 529
 * result) cuts the concurrency in half, a warning cuts it by a quarter, and
 * successes grow it back by one at a time up to the ceiling. Until the
 * account says anything, a slow start holds all but the first try back. A
 * try whose agent draws on no account (a plain command) starts at once and
 * is not counted.
 */
import { backoffDelay, sleep } from '../strategies/backoff.js';
import type { ProcessResult } from '../process/result.js';
import type { RateLimitSignal, RateLimitStatus } from '../process/rate-limit.js';
import { AimdWindow } from './aimd.js';
import type {
  AdmissionChange,
  AdmissionController,
  AdmissionEntry,
  AdmissionHold,
  AdmissionTicket,
  AdmissionWait,
  Settlement,
} from './controller.js';
import { normalizeAdmission, type AdmissionOptions, type NormalizedAdmission } from './options.js';
import { SlowStart } from './slow-start.js';
import { WindowQuota } from './window-quota.js';
import { limitWords } from './words.js';

const NOT_LIMITED: Settlement = { rateLimited: false, retryAt: null, limit: null };

/** The ticket of a try that draws on no account: admission keeps no count of it. */
const OFF_ACCOUNT: AdmissionTicket = {
  observe: () => {},
  settle: () => NOT_LIMITED,
  release: () => {},
};

export class LocalAdmission implements AdmissionController {
  readonly options: NormalizedAdmission;
  private readonly window: AimdWindow;
  private running = 0;
  private pause: { until: number; resetsAt: number; limitType: string | null } | null = null;
  /** The limit the agents last named (the window the quota paces by). */
  private limitType: string | null = null;
  private readonly waiters = new Set<() => void>();
  private readonly listeners: ((change: AdmissionChange) => void)[] = [];
  /** Rate-limited tries without a reset in a row, for the backoff. */
  private limitedInARow = 0;
  /** The account's window as the agents report it: how many starts it has room for, and when. */
  private readonly quota: WindowQuota;
  private readonly slow: SlowStart;

  constructor(
    options: AdmissionOptions = {},
    private readonly random: () => number = Math.random,
  ) {
    this.options = normalizeAdmission(options);
    const { maxConcurrency: max, minConcurrency: min, cooldownMs } = this.options;
    this.window = new AimdWindow({ max, min, cooldownMs });
    this.quota = new WindowQuota(this.options.jitterMs, random);
    this.slow = new SlowStart(this.options.slowStart, this.options.slowStartMs);
  }

  get concurrency(): number {
    return Math.min(this.window.size, this.slow.limit(Date.now()));
  }

  get pausedUntil(): Date | null {
    return this.pause && this.pause.until > Date.now() ? new Date(this.pause.until) : null;
  }

  onChange(listener: (change: AdmissionChange) => void): void {
    this.listeners.push(listener);
  }

  admit(
    signal: AbortSignal | null,
    wait?: null,
    entry?: AdmissionEntry,
  ): Promise<AdmissionTicket | null>;
  admit(
    signal: AbortSignal | null,
    wait: AdmissionWait,
    entry?: AdmissionEntry,
  ): Promise<AdmissionTicket | AdmissionHold | null>;
  async admit(
    signal: AbortSignal | null,
    wait?: AdmissionWait | null,
    entry: AdmissionEntry = {},
  ): Promise<AdmissionTicket | AdmissionHold | null> {
    // A try that draws on no account has nothing to wait for and nothing to teach.
    if (entry.drawsOnAccount === false) return signal?.aborted ? null : OFF_ACCOUNT;
    for (;;) {
      if (signal?.aborted) return null;
      const hold = wait ? this.rateHold(Date.now()) : null;
      if (hold && wait) {
        // Time held by the rate limit counts toward the task's --max-wait, whatever holds it.
        wait.since ??= Date.now();
        if (hold.until.getTime() - wait.since > wait.maxWaitMs) return hold;
      }
      const paused = this.pause ? this.pause.until - Date.now() : 0;
      if (paused > 0) {
        await sleep(paused, signal);
        this.endPause();
        continue;
      }
      if (this.running >= this.window.size) {
        await this.nextChange(signal, Infinity);
        continue;
      }
      // No more starts than the account's window has room for; the next window's a lead early.
      // Before the account has said anything, the slow start's few.
      const now = Date.now();
      const next = Math.max(this.quota.nextStart(now), this.slow.nextStart(now));
      if (next <= now) break;
      await this.nextChange(signal, next - now);
    }
    this.running++;
    this.slow.start(Date.now());
    return this.ticket();
  }

  /** What holds new starts for the rate limit now, and until when: a pause, or a full window. */
  private rateHold(now: number): AdmissionHold | null {
    const pause = this.pause;
    if (pause && pause.until > now)
      return {
        until: new Date(pause.until),
        limit: limitWords(pause.limitType, new Date(pause.resetsAt)),
      };
    const next = this.quota.nextStart(now);
    const reset = this.quota.resetAt;
    if (next <= now || !Number.isFinite(next) || !reset) return null;
    return { until: new Date(next), limit: limitWords(this.limitType, reset) };
  }

  private ticket(): AdmissionTicket {
    let rejected: RateLimitStatus | null = null;
    let settled = false;
    const key = {};
    this.quota.started(key, Date.now());
    const done = () => {
      settled = true;
      this.running--;
      this.quota.forget(key);
      this.wakeOne();
    };
    const ended = () => {
      // A try that ended has said all it will: the slow start learns no more by holding back.
      if (this.slow.open()) this.wakeAll();
    };
    return {
      observe: (signal) => {
        if (signal.kind === 'status' && signal.status === 'rejected') rejected = signal;
        this.observe(signal, key);
      },
      settle: (result) => {
        if (settled) return NOT_LIMITED;
        done();
        ended();
        return this.settle(result, rejected);
      },
      release: () => {
        if (settled) return;
        this.slow.unstart();
        done();
      },
    };
  }

  private observe(signal: RateLimitSignal, key: object): void {
    const now = Date.now();
    // The account (or the agent, about it) has spoken: the slow start is over.
    if (this.slow.open()) this.wakeAll();
    if (signal.kind === 'unreported') return;
    if (signal.kind === 'status') {
      if (signal.limitType) this.limitType = signal.limitType;
      if (signal.status === 'rejected') {
        this.quota.report(key, null, null, now);
        if (signal.resetsAt) this.quota.full(signal.resetsAt);
      } else this.quota.report(key, signal.resetsAt, signal.utilization, now);
      // A report may open the next window's starts, or say when it opens.
      this.wakeAll();
      // Paced by the window it knows, admission needs no cut on the way to the wall.
      if (this.quota.known && signal.status !== 'rejected') return;
    }
    if (signal.kind === 'retry') {
      this.cut(
        0.5,
        `${signal.error === 'overloaded' ? 'overloaded' : 'rate limited'}: the agent retried a call`,
        now,
      );
    } else if (signal.status === 'allowed_warning') {
      const used =
        signal.utilization === null ? '' : ` (${Math.round(signal.utilization * 100)}% used)`;
      this.cut(0.75, `close to the ${signal.limitType ?? 'rate'} limit${used}`, now);
    } else if (signal.status === 'rejected') {
      // The wall: fewer at once after the reset (a burst of refusals is one cut),
      // unless the window's size is known: then the quota starts just as many as it holds.
      if (!this.quota.known)
        this.cut(0.5, `the ${signal.limitType ?? 'rate'} limit refused a call`, now);
      if (signal.resetsAt) this.pauseUntil(signal.resetsAt.getTime(), signal.limitType);
    }
  }

  private settle(result: ProcessResult, rejected: RateLimitStatus | null): Settlement {
    const now = Date.now();
    const status = result.apiErrorStatus;
    if (result.status === 'succeeded') {
      this.limitedInARow = 0;
      if (this.window.succeed())
        this.changed({
          action: 'concurrency',
          concurrency: this.window.size,
          reason: 'sustained success',
        });
      return NOT_LIMITED;
    }
    if (status === 529) this.cut(0.5, 'overloaded (529)', now, this.running + 1);
    if (status !== 429 && !rejected) return NOT_LIMITED;
    const resetsAt = rejected?.resetsAt?.getTime();
    if (resetsAt !== undefined) {
      this.pauseUntil(resetsAt, rejected!.limitType);
      const limit = limitWords(rejected!.limitType, new Date(resetsAt));
      return { rateLimited: true, retryAt: new Date(this.pause?.until ?? resetsAt), limit };
    }
    this.cut(0.5, 'rate limited (429) without a reset time', now, this.running + 1);
    const delay = backoffDelay(
      ++this.limitedInARow,
      {
        minDelayMs: this.options.backoffMs,
        maxDelayMs: this.options.maxBackoffMs,
      },
      this.random,
    );
    return { rateLimited: true, retryAt: new Date(now + delay), limit: 'rate limit (429)' };
  }

  /** Until the reset, less the lead (starts meet the window as it opens), plus jitter. */
  private pauseUntil(resetsAt: number, limitType: string | null): void {
    const opens = resetsAt - this.quota.lead();
    if (this.pause && this.pause.until >= opens) return;
    const until = opens + Math.round(this.random() * this.options.jitterMs);
    if (until <= Date.now()) return;
    this.pause = { until, resetsAt, limitType };
    this.changed({
      action: 'pause',
      until: new Date(until),
      limitType,
      reason: `${limitType ?? 'rate'} limit reached`,
    });
  }

  private endPause(): void {
    if (!this.pause || this.pause.until > Date.now()) return;
    this.pause = null;
    this.changed({ action: 'resume' });
  }

  /** `inFlight`: the tries running when the pressure showed (the one that showed it included). */
  private cut(factor: number, reason: string, now: number, inFlight = this.running): void {
    if (this.window.cut(factor, now, inFlight))
      this.changed({ action: 'concurrency', concurrency: this.window.size, reason });
  }

  /** Resolves on a release, a report, an abort or after `ms`, whichever comes first. */
  private nextChange(signal: AbortSignal | null, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = Number.isFinite(ms) ? setTimeout(() => done(), ms) : null;
      const done = () => {
        if (timer) clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private wakeOne(): void {
    const [first] = this.waiters;
    first?.();
  }

  private wakeAll(): void {
    for (const wake of [...this.waiters]) wake();
  }

  private changed(change: AdmissionChange): void {
    // A grown window has room for more than the one place a release frees.
    if (change.action === 'concurrency') this.wakeAll();
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A listener's failure must not stop admission.
      }
    }
  }
}
