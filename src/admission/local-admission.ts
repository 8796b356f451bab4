/**
 * The admission controller of one session on this machine. A rejected limit
 * with a reset pauses every new start until the reset (plus jitter); pressure
 * without a reset (an agent retrying a 429 or an overload, a 429 or 529
 * result) cuts the concurrency in half, a warning cuts it by a quarter, and
 * successes grow it back by one at a time up to the ceiling.
 */
import { backoffDelay, sleep } from '../strategies/backoff.js';
import type { ProcessResult } from '../process/result.js';
import type { RateLimitSignal, RateLimitStatus } from '../process/rate-limit.js';
import { AimdWindow } from './aimd.js';
import type {
  AdmissionChange,
  AdmissionController,
  AdmissionTicket,
  Settlement,
} from './controller.js';
import { normalizeAdmission, type AdmissionOptions, type NormalizedAdmission } from './options.js';
import { limitWords } from './words.js';

const NOT_LIMITED: Settlement = { rateLimited: false, retryAt: null, limit: null };

export class LocalAdmission implements AdmissionController {
  readonly options: NormalizedAdmission;
  private readonly window: AimdWindow;
  private running = 0;
  private pause: { until: number; limitType: string | null } | null = null;
  private readonly waiters = new Set<() => void>();
  private readonly listeners: ((change: AdmissionChange) => void)[] = [];
  /** Rate-limited tries without a reset in a row, for the backoff. */
  private limitedInARow = 0;

  constructor(
    options: AdmissionOptions = {},
    private readonly random: () => number = Math.random,
  ) {
    this.options = normalizeAdmission(options);
    const { maxConcurrency: max, minConcurrency: min, cooldownMs } = this.options;
    this.window = new AimdWindow({ max, min, cooldownMs });
  }

  get concurrency(): number {
    return this.window.size;
  }

  get pausedUntil(): Date | null {
    return this.pause && this.pause.until > Date.now() ? new Date(this.pause.until) : null;
  }

  onChange(listener: (change: AdmissionChange) => void): void {
    this.listeners.push(listener);
  }

  async admit(signal: AbortSignal | null): Promise<AdmissionTicket | null> {
    for (;;) {
      if (signal?.aborted) return null;
      const paused = this.pause ? this.pause.until - Date.now() : 0;
      if (paused > 0) {
        await sleep(paused, signal);
        this.endPause();
        continue;
      }
      if (this.running < this.window.size) break;
      await this.nextRelease(signal);
    }
    this.running++;
    return this.ticket();
  }

  private ticket(): AdmissionTicket {
    let rejected: RateLimitStatus | null = null;
    let settled = false;
    return {
      observe: (signal) => {
        if (signal.kind === 'status' && signal.status === 'rejected') rejected = signal;
        this.observe(signal);
      },
      settle: (result) => {
        if (settled) return NOT_LIMITED;
        settled = true;
        this.running--;
        this.wakeOne();
        return this.settle(result, rejected);
      },
      release: () => {
        if (settled) return;
        settled = true;
        this.running--;
        this.wakeOne();
      },
    };
  }

  private observe(signal: RateLimitSignal): void {
    const now = Date.now();
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
      // The wall: fewer at once after the reset (a burst of refusals is one cut).
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

  private pauseUntil(resetsAt: number, limitType: string | null): void {
    if (this.pause && this.pause.until >= resetsAt) return;
    const until = resetsAt + Math.round(this.random() * this.options.jitterMs);
    if (until <= Date.now()) return;
    this.pause = { until, limitType };
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

  private nextRelease(signal: AbortSignal | null): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
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

  private changed(change: AdmissionChange): void {
    // A grown window has room for more than the one place a release frees.
    if (change.action === 'concurrency') for (const wake of [...this.waiters]) wake();
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A listener's failure must not stop admission.
      }
    }
  }
}
