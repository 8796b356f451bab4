/**
 * Where a process writes, in its log folder: `<id>.log` (header, output,
 * footer), `<id>.jsonl` (the agent's events), `<id>.stderr.log` (stderr as it
 * arrives, created on its first byte). A retry's try N writes `<id>.attempt-N.*`.
 * The folder is created when the process is made.
 */
import { join } from 'node:path';
import { makeDirectory } from './make-directory.js';

export interface ProcessFiles {
  log: string;
  events: string;
  stderr: string;
}

/** The files of try `attempt` of `processId`; creates `logDir` first (throws, naming it, when it cannot). */
export function processFiles(logDir: string, processId: string, attempt: number): ProcessFiles {
  try {
    makeDirectory(logDir);
  } catch (error) {
    throw new Error(`Cannot create \`logDir\` ${logDir}: ${(error as Error).message}`);
  }
  const base = attempt === 1 ? processId : `${processId}.attempt-${attempt}`;
  return {
    log: join(logDir, `${base}.log`),
    events: join(logDir, `${base}.jsonl`),
    stderr: join(logDir, `${base}.stderr.log`),
  };
}
