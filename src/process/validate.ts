/** Validation helpers shared by every options normalizer. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** A value as error messages show it: `-5` (number), `"x"` (string). */
export function describeValue(value: unknown): string {
  return `\`${typeof value === 'string' ? JSON.stringify(value) : String(value)}\` (${typeof value})`;
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
