/**
 * Strategy options, normalized once: copied, defaulted, validated, with
 * messages that name the option, the value received and what is accepted.
 * Misuse (a bad option, a process that already ran) rejects; an agent's
 * failure never does.
 */
import type { ProcessResult } from '../process/result.js';
import type { RetryOptions } from './types.js';
import { describeValue } from '../process/validate.js';

export interface NormalizedRetry {
  attempts: number;
  minDelayMs: number;
  maxDelayMs: number;
  shouldRetry: ((result: ProcessResult) => boolean) | null;
}

export const DEFAULT_MIN_DELAY_MS = 1000;
export const DEFAULT_MAX_DELAY_MS = 30_000;

function integer(name: string, value: unknown, min: number, words: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new TypeError(`Expected \`${name}\` to be ${words}, got ${describeValue(value)}`);
  }
  return value;
}

export function positiveInteger(name: string, value: unknown): number {
  return integer(name, value, 1, 'a positive integer');
}

export function optionalBoolean(name: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    throw new TypeError(`Expected \`${name}\` to be true or false, got ${describeValue(value)}`);
  }
  return value;
}

export function optionsObject<T extends object>(name: string, value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(
      `Expected the ${name} options to be an object, got ${describeValue(value)}`,
    );
  }
  return value;
}

export function normalizeSignal(value: unknown): AbortSignal | null {
  if (value === undefined || value === null) return null;
  if (!(value instanceof AbortSignal)) {
    throw new TypeError(`Expected \`signal\` to be an AbortSignal, got ${describeValue(value)}`);
  }
  return value;
}

export function normalizeRetry(value: RetryOptions | undefined): NormalizedRetry | null {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') {
    throw new TypeError(
      `Expected \`retry\` to be an object like { attempts: 3 }, got ${describeValue(value)}`,
    );
  }
  const attempts = positiveInteger('retry.attempts', value.attempts);
  const minDelayMs =
    value.minDelayMs === undefined
      ? DEFAULT_MIN_DELAY_MS
      : integer('retry.minDelayMs', value.minDelayMs, 0, 'a non-negative integer (milliseconds)');
  const maxDelayMs =
    value.maxDelayMs === undefined
      ? Math.max(DEFAULT_MAX_DELAY_MS, minDelayMs)
      : integer('retry.maxDelayMs', value.maxDelayMs, 0, 'a non-negative integer (milliseconds)');
  if (maxDelayMs < minDelayMs) {
    throw new TypeError(
      `Expected \`retry.maxDelayMs\` (${maxDelayMs}) to be at least \`retry.minDelayMs\` (${minDelayMs})`,
    );
  }
  if (value.shouldRetry !== undefined && typeof value.shouldRetry !== 'function') {
    throw new TypeError(
      `Expected \`retry.shouldRetry\` to be a function, got ${describeValue(value.shouldRetry)}`,
    );
  }
  return { attempts, minDelayMs, maxDelayMs, shouldRetry: value.shouldRetry ?? null };
}
