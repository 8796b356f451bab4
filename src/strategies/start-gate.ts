/**
 * The seam in every strategy's start path: before each try takes a slot, the
 * gate may hold it (a rate-limit pause, a learnt concurrency) or refuse it (a
 * spent budget: the task is skipped; a rate limit that would hold it past
 * --max-wait: it fails); after the try, it may ask for the same
 * try again (refused by the rate limit: not a spent try) or change the result
 * (waited too long). A session builds one from its admission controller and
 * its budget (`session.gate`, session/session-gate.ts).
 */
import type { NotStarted, ProcessResult } from '../process/result.js';
import { describeValue } from '../process/validate.js';

export type GateVerdict =
  /** The try stands, with this result. */
  | { kind: 'done'; result: ProcessResult }
  /** Run it again after `delayMs`, not counted as a try. */
  | { kind: 'again'; delayMs: number; reason: string };

export type GatePass =
  /** Do not start it: it ends with this status and message (`skipped`: a spent budget; `failed`: a rate limit past --max-wait). */
  | ({ kind: 'refused' } & NotStarted)
  /** Start it; call `leave` once with its result. */
  | { kind: 'admitted'; leave(result: ProcessResult): GateVerdict };

/** What the gate is told about the try that asks to start. */
export interface GateEntry {
  /**
   * False when the task's agent draws on no account whose rate limits admission
   * watches (a plain `command`): admission neither holds it nor learns from it.
   * Default true.
   */
  drawsOnAccount?: boolean;
}

export interface StartGate {
  /** Waits until task `taskId` may start a try (resolves at once when `signal` aborts). */
  enter(taskId: string, signal: AbortSignal | null, entry?: GateEntry): Promise<GatePass>;
}

/** A start gate (a session's `gate`), or null; anything else is a mistake worth naming. */
export function normalizeGate(value: unknown): StartGate | null {
  if (value === undefined || value === null) return null;
  if (typeof (value as StartGate).enter === 'function') return value as StartGate;
  throw new TypeError(
    `Expected \`gate\` to be a StartGate such as \`session.gate\`, got ${describeValue(value)}`,
  );
}
