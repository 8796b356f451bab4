/**
 * Admission options, normalized once: defaults, then checks whose messages
 * name the option, the value and what is accepted.
 */
import { describeValue } from '../process/validate.js';

export interface AdmissionOptions {
  /** The most tries running at once: the ceiling the concurrency grows back to (default: no ceiling). */
  maxConcurrency?: number;
  /** The least it shrinks to (default 1). */
  minConcurrency?: number;
  /** How long one task may wait for rate limits in all before it fails (default 6 h). */
  maxWaitMs?: number;
  /** A random delay up to this long is added to each reset, so starts spread out (default 1000 ms). */
  jitterMs?: number;
  /** Backoff before re-running a try refused without a reset time: first delay (default 1000 ms), doubling. */
  backoffMs?: number;
  /** The longest such backoff (default 60000 ms). */
  maxBackoffMs?: number;
  /** Cuts of the concurrency closer together than this count once (default 2000 ms). */
  cooldownMs?: number;
  /**
   * Tries started before the account says anything about its limits (default
   * 1); the first word opens up to the concurrency. false: no slow start.
   */
  slowStart?: number | false;
  /** The longest the slow start holds starts back, from the first start (default 10000 ms). */
  slowStartMs?: number;
}

export type NormalizedAdmission = Required<AdmissionOptions>;

export const DEFAULT_MAX_WAIT_MS = 6 * 60 * 60 * 1000;

function count(name: string, value: unknown, min: number): number {
  if (
    typeof value === 'number' &&
    (value === Infinity || (Number.isInteger(value) && value >= min))
  )
    return value;
  throw new TypeError(
    `Expected \`admission.${name}\` to be an integer of at least ${min}, got ${describeValue(value)}`,
  );
}

function slowStartOf(value: unknown): number | false {
  if (value === false) return false;
  if (value === undefined) return 1;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  throw new TypeError(
    `Expected \`admission.slowStart\` to be false or an integer of at least 1, got ${describeValue(value)}`,
  );
}

export function normalizeAdmission(options: AdmissionOptions = {}): NormalizedAdmission {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(
      `Expected \`admission\` to be an object like { maxWaitMs: 3600000 }, got ${describeValue(options)}`,
    );
  }
  const normalized = {
    maxConcurrency: count('maxConcurrency', options.maxConcurrency ?? Infinity, 1),
    minConcurrency: count('minConcurrency', options.minConcurrency ?? 1, 1),
    maxWaitMs: count('maxWaitMs', options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS, 0),
    jitterMs: count('jitterMs', options.jitterMs ?? 1000, 0),
    backoffMs: count('backoffMs', options.backoffMs ?? 1000, 1),
    maxBackoffMs: count('maxBackoffMs', options.maxBackoffMs ?? 60_000, 1),
    cooldownMs: count('cooldownMs', options.cooldownMs ?? 2000, 0),
    slowStart: slowStartOf(options.slowStart),
    slowStartMs: count('slowStartMs', options.slowStartMs ?? 10_000, 0),
  };
  if (normalized.minConcurrency > normalized.maxConcurrency) {
    throw new TypeError(
      `Expected \`admission.minConcurrency\` (${normalized.minConcurrency}) to be at most \`admission.maxConcurrency\` (${normalized.maxConcurrency})`,
    );
  }
  return normalized;
}
