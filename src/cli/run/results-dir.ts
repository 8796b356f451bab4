/**
 * `--results DIR`: one file per process, `DIR/<name>.txt`, holding the agent's
 * answer (its result text; empty when it gave none). The name is the task's
 * label when it has one, else its process id. Written when the run ends.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StrategyResult } from '../../strategies/types.js';
import { CLIError } from '../errors.js';

/** A label as a file name: no slashes, no leading dots, nothing a shell chokes on. */
export function resultFileName(name: string): string {
  const safe = name
    .replace(/[/\\\0]/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 200);
  return `${safe || '_'}.txt`;
}

export function writeResults(
  dir: string,
  results: StrategyResult[],
  nameOf: (result: StrategyResult) => string,
): string[] {
  try {
    mkdirSync(dir, { recursive: true });
    const used = new Set<string>();
    return results.map((result) => {
      let file = resultFileName(nameOf(result));
      if (used.has(file)) file = resultFileName(`${nameOf(result)}-${result.processId}`);
      used.add(file);
      const path = join(dir, file);
      writeFileSync(path, result.output);
      return path;
    });
  } catch (error) {
    throw new CLIError(`--results: cannot write to ${dir}: ${(error as Error).message}`, 'E_IO');
  }
}
