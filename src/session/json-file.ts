/**
 * Writes a JSON file whole: to a temporary name first, then renamed over, so
 * readers never see half of one. A write that fails (a full disk, a removed
 * folder) removes its temporary file before it throws.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';

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
  try {
    await writeFile(temporary, text(value));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

export function writeJsonFileSync(path: string, value: unknown): void {
  const temporary = temporaryName(path);
  try {
    writeFileSync(temporary, text(value));
    renameSync(temporary, path);
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The first error is the one worth reporting.
    }
    throw error;
  }
}
