/**
 * The session's id and folder: `${patternName}_${YYYYMMDD_HHMMSS}` as in the
 * original, made unique by creating the folder atomically (mkdir fails if it
 * exists) and adding `-2`, `-3`, ... on a clash, so sessions started in the
 * same second, in this process or another, never share a folder.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirectory } from '../process/make-directory.js';
import { SESSION_FILES } from './files.js';

const MAX_TRIES = 10_000;

/** Local time as `YYYYMMDD_HHMMSS`, the original's `strftime("%Y%m%d_%H%M%S")`. */
export function sessionTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}`;
  return `${day}_${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

export function createSessionDir(
  baseLogDir: string,
  patternName: string,
  startedAt: Date,
): { sessionId: string; sessionDir: string } {
  try {
    makeDirectory(baseLogDir);
  } catch (error) {
    throw new Error(`Cannot create \`baseLogDir\` ${baseLogDir}: ${(error as Error).message}`);
  }
  const base = `${patternName}_${sessionTimestamp(startedAt)}`;
  for (let n = 1; n <= MAX_TRIES; n++) {
    const sessionId = n === 1 ? base : `${base}-${n}`;
    const sessionDir = join(baseLogDir, sessionId);
    try {
      mkdirSync(sessionDir);
      return { sessionId, sessionDir };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new Error(
          `Cannot create the session folder ${sessionDir}: ${(error as Error).message}`,
        );
      }
    }
  }
  throw new Error(`Cannot find a free session folder name for ${base} in ${baseLogDir}`);
}

/** Where a session lives: a new folder, or a resumed session's own (its start as recorded). */
export function sessionPlace(
  baseLogDir: string,
  patternName: string,
  resumed: { at: string; sessionId: string; sessionDir: string } | null,
): { startedAt: Date; sessionId: string; sessionDir: string; processLogDir: string } {
  const startedAt = resumed ? new Date(resumed.at) : new Date();
  const { sessionId, sessionDir } = resumed ?? createSessionDir(baseLogDir, patternName, startedAt);
  const processLogDir = join(sessionDir, SESSION_FILES.processes);
  makeDirectory(processLogDir);
  return { startedAt, sessionId, sessionDir, processLogDir };
}
