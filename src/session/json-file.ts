/** Writes a JSON file whole: to a temporary name first, then renamed over, so readers never see half of one. */
import { renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';

let counter = 0;

function temporaryName(path: string): string {
  counter += 1;
  return `${path}.${process.pid}-${counter}.tmp`;
}

function text(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  const temporary = temporaryName(path);
  await writeFile(temporary, text(value));
  await rename(temporary, path);
}

export function writeJsonFileSync(path: string, value: unknown): void {
  const temporary = temporaryName(path);
  writeFileSync(temporary, text(value));
  renameSync(temporary, path);
}
