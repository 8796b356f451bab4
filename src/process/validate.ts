/** Validation helpers shared by every options normalizer. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** A value as error messages show it: `-5` (number), `"x"` (string), `a,b` (array). */
export function describeValue(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  let shown: string;
  try {
    shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  } catch {
    shown = Object.prototype.toString.call(value);
  }
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return `\`${shown}\` (${type})`;
}

/** The absolute path of an existing directory, or an error that names the option and the path. */
export function existingDirectory(name: string, path: unknown): string {
  if (typeof path !== 'string' || path.length === 0) {
    throw new TypeError(`Expected \`${name}\` to be a directory path, got ${describeValue(path)}`);
  }
  const absolute = resolve(path);
  let isDirectory = false;
  try {
    isDirectory = statSync(absolute).isDirectory();
  } catch {
    throw new Error(
      `\`${name}\` does not exist: ${absolute}. Create it first or pass an existing directory.`,
    );
  }
  if (!isDirectory) throw new Error(`\`${name}\` is not a directory: ${absolute}`);
  return absolute;
}
