/** Whole-number flags (-j, --batch-size, --retries), checked with messages that name the flag. */
import { badFlag } from '../errors.js';

function wholeNumber(text: unknown): number | null {
  if (typeof text === 'number') return Number.isSafeInteger(text) ? text : null;
  if (typeof text !== 'string' || !/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

export function positiveIntegerFlag(flag: string, value: unknown, command?: string): number {
  const n = wholeNumber(value);
  if (n === null || n < 1) throw badFlag(flag, value, 'a whole number of at least 1', command);
  return n;
}

export function nonNegativeIntegerFlag(flag: string, value: unknown, command?: string): number {
  const n = wholeNumber(value);
  if (n === null) throw badFlag(flag, value, 'a whole number of 0 or more', command);
  return n;
}
