/**
 * Finds session folders for `sessions` and `logs`: the base folder from
 * --log-dir or --cwd, and one session by its id, a unique start of it, or
 * "last" (the newest).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { processIdProblem } from '../../process/process-id.js';
import { defaultBaseLogDir } from '../../session/options.js';
import { CLIError, usageError } from '../errors.js';

export interface LocateFlags {
  logDir?: string;
  cwd?: string;
}

export function baseLogDir(flags: LocateFlags, command: string): string {
  if (flags.logDir !== undefined) return resolve(flags.logDir);
  const cwd = resolve(flags.cwd ?? process.cwd());
  if (!existsSync(cwd) || !statSync(cwd).isDirectory())
    throw usageError(
      `--cwd: expected an existing directory, got ${JSON.stringify(flags.cwd)}`,
      command,
    );
  return defaultBaseLogDir(cwd);
}

function sessionFolders(base: string): string[] {
  try {
    return readdirSync(base, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(base, entry.name, 'events.jsonl')))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

/**
 * An id from the command line names a file or folder inside the sessions
 * folder, so it must be a plain name: never a path that leads outside.
 */
function checkedName(what: string, id: string, command: string): string {
  const problem = processIdProblem(id);
  if (problem) {
    throw usageError(
      `${JSON.stringify(id)} is not a ${what}: it names a folder or file inside the sessions folder, so it ${problem}`,
      command,
    );
  }
  return id;
}

export function checkedProcessId(id: string, command: string): string {
  return checkedName('process id (e.g. process-001)', id, command);
}

/** The folder of one session, or an E_NOT_FOUND error that says what exists. */
export function locateSession(id: string, flags: LocateFlags, command: string): string {
  // An empty start matches every session (and is then ambiguous): only paths are refused.
  if (id !== '') checkedName('session id (e.g. parallel_20260101_120000, or "last")', id, command);
  const base = baseLogDir(flags, command);
  const names = sessionFolders(base);
  if (names.length === 0)
    throw new CLIError(
      `no sessions in ${base}; run one first, or point --log-dir at the folder that has them`,
      'E_NOT_FOUND',
      command,
    );
  if (id === 'last') return join(base, newest(base, names));
  if (names.includes(id)) return join(base, id);
  const matches = names.filter((name) => name.startsWith(id));
  if (matches.length === 1) return join(base, matches[0]!);
  if (matches.length > 1) {
    throw new CLIError(
      `"${id}" matches ${matches.length} sessions (${matches.slice(0, 5).join(', ')}${matches.length > 5 ? ', ...' : ''}); give more of the id`,
      'E_NOT_FOUND',
      command,
    );
  }
  throw new CLIError(
    `no session "${id}" in ${base}; "orchestrate sessions" lists them`,
    'E_NOT_FOUND',
    command,
  );
}

/** The session that started last, by metadata.json's startedAt (the folder's time if unreadable). */
function newest(base: string, names: string[]): string {
  const started = (name: string) => {
    try {
      const metadata = JSON.parse(readFileSync(join(base, name, 'metadata.json'), 'utf8')) as {
        startedAt?: string;
      };
      const at = Date.parse(metadata.startedAt ?? '');
      if (!Number.isNaN(at)) return at;
    } catch {
      // fall back to the folder's time
    }
    return statSync(join(base, name)).mtimeMs;
  };
  const times = new Map(names.map((name) => [name, started(name)]));
  return [...names].sort((a, b) => times.get(b)! - times.get(a)! || b.localeCompare(a))[0]!;
}
