/**
 * The admission controller: one per session, between the limiter and the
 * executor. It decides when a new try may start (not while the account's
 * limit is rejecting, not past the concurrency it has learnt) and whether a
 * try that ended was refused by the rate limit, so it runs again without
 * counting as a try. Pluggable: a distributed backend can share one across
 * machines by implementing this interface.
 */
import type { GateEntry } from '../strategies/start-gate.js';
import type { ProcessResult } from '../process/result.js';
import type { RateLimitSignal } from '../process/rate-limit.js';

/** What the controller did, for the session's records, the board and the log. */
export type AdmissionChange =
  | { action: 'pause'; until: Date; limitType: string | null; reason: string }
  | { action: 'resume' }
  | { action: 'concurrency'; concurrency: number; reason: string };

/** How a try that ended stands with the rate limit. */
export interface Settlement {
  /** True when the rate limit refused the try: it is run again, and is not a spent try. */
  rateLimited: boolean;
  /** When it may run again (the limit's reset plus jitter, or a backoff); null when not limited. */
  retryAt: Date | null;
  /** The limit's name and reset in words, for messages: "five_hour limit, resets 14:05". */
  limit: string | null;
}

/** One admitted try. */
export interface AdmissionTicket {
  /** A rate-limit signal from this try's stream. */
  observe(signal: RateLimitSignal): void;
  /** The try ended (call once): frees its place and says whether the rate limit refused it. */
  settle(result: ProcessResult): Settlement;
  /** The try will not start after all: frees its place, learning nothing. */
  release(): void;
}

/** How long a task's starts may be held by the rate limit, in all (its --max-wait). */
export interface AdmissionWait {
  /**
   * When the rate limit first held or refused the task (ms since the epoch),
   * or null while it has not: admission sets it when it first holds the start.
   */
  since: number | null;
  maxWaitMs: number;
}

/** A start the rate limit would hold past the task's --max-wait: it does not start. */
export interface AdmissionHold {
  /** When it could start. */
  until: Date;
  /** The limit and its reset in words: "five_hour limit, resets 14:05". */
  limit: string;
}

/** What admission is told about the try that asks to start: the gate's entry, passed on. */
export type AdmissionEntry = GateEntry;

export interface AdmissionController {
  /**
   * Waits until a new try may start; null when `signal` aborted first. With
   * `wait`, a start the rate limit (a pause, a full window) would hold past
   * `wait.since + wait.maxWaitMs` resolves with that hold instead.
   */
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
  /** Tries may run at once now. */
  readonly concurrency: number;
  /** New starts wait until then (null: not paused). */
  readonly pausedUntil: Date | null;
  /** Called with each change, in order. */
  onChange(listener: (change: AdmissionChange) => void): void;
}
