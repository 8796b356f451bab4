/** Byte sizes for --max-memory: `2G`, `512M`, `1.5GiB`, `800MB`, a bare number is bytes (binary units). */
import { badFlag } from '../errors.js';

const UNIT_BYTES: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kb: 1024,
  kib: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
  tib: 1024 ** 4,
};

export const SIZE_ACCEPTED = 'a size such as 2G, 512M, 1.5GiB (K, M, G, T are powers of 1024)';

/** Bytes for a size text, or null when it is not one. */
export function parseSize(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/.exec(text.trim().toLowerCase());
  if (!match) return null;
  const unit = UNIT_BYTES[match[2]!];
  return unit === undefined ? null : Math.round(Number(match[1]) * unit);
}

/** A positive size in bytes, or a usage error naming the flag. */
export function sizeFlag(flag: string, value: string, command?: string): number {
  const bytes = parseSize(value);
  if (bytes === null || bytes <= 0)
    throw badFlag(flag, value, `${SIZE_ACCEPTED}, greater than zero`, command);
  return bytes;
}
