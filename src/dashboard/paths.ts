/**
 * From URL ids to paths inside the sessions folder, and nothing outside it: an
 * id is one plain folder or file name (no separators, not `.` or `..`, no
 * control characters), and the path it makes must sit directly where it
 * belongs. Anything else is "not found", never an error that says more.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { sessionFile } from '../session/files.js';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\\u0000-\u001f\u007f]/;

/** The id, decoded, when it is one safe name; else null. */
export function safeId(raw: string): string | null {
  let id: string;
  try {
    id = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (id.length === 0 || id.length > 255 || id === '.' || id === '..' || UNSAFE.test(id))
    return null;
  return id;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** The folder of session `rawId` under `baseLogDir`, or null (bad id, no such session). */
export async function sessionDirOf(baseLogDir: string, rawId: string): Promise<string | null> {
  const id = safeId(rawId);
  if (id === null) return null;
  const base = resolve(baseLogDir);
  const dir = join(base, id);
  if (dirname(dir) !== base || basename(dir) !== id) return null;
  return (await isDirectory(dir)) ? dir : null;
}

/** The log file of one try of a process (`attempt` 1 is `<id>.log`), or null for a bad id. */
export function processLogOf(sessionDir: string, rawId: string, attempt: number): string | null {
  const id = safeId(rawId);
  if (id === null || !Number.isSafeInteger(attempt) || attempt < 1) return null;
  const name = attempt === 1 ? `${id}.log` : `${id}.attempt-${attempt}.log`;
  const folder = sessionFile(sessionDir, 'processes');
  const path = join(folder, name);
  return dirname(path) === folder ? path : null;
}

/** The patch a worktree run left (`patches/<id>.patch`, see workspaces/worktree.ts), or null for a bad id. */
export function patchOf(sessionDir: string, rawId: string): string | null {
  const id = safeId(rawId);
  if (id === null) return null;
  const folder = join(sessionDir, 'patches');
  const path = join(folder, `${id}.patch`);
  return dirname(path) === folder ? path : null;
}
