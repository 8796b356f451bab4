/** The package version, read from package.json beside dist/ (or src/) without loading anything else. */
import { readFileSync } from 'node:fs';

export function packageVersion(): string {
  const manifest = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
