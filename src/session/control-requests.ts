/**
 * Cancel requests for a running session from another process (a dashboard
 * started on its own, `orchestrate dashboard --allow-cancel`): each request
 * is a file in the session's `control/` folder, `cancel-session` or
 * `cancel-process.<id>`, written whole (a temporary name, then a rename).
 * The run watches the folder (inotify, no polling), acts on each request once
 * and removes it; the folder exists only while a run takes requests, so a
 * writer can tell a run that listens from one that does not.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, watch, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sessionFile } from './files.js';

export type ControlRequest =
  { kind: 'cancel-session' } | { kind: 'cancel-process'; processId: string };

export interface ControlHandlers {
  cancelSession(): void;
  /** False when no such process is running (the request is dropped). */
  cancelProcess(processId: string): boolean;
}

const SESSION_FILE = 'cancel-session';
const PROCESS_PREFIX = 'cancel-process.';

function requestOf(name: string): ControlRequest | null {
  if (name === SESSION_FILE) return { kind: 'cancel-session' };
  if (name.startsWith(PROCESS_PREFIX) && name.length > PROCESS_PREFIX.length)
    return { kind: 'cancel-process', processId: name.slice(PROCESS_PREFIX.length) };
  return null;
}

/**
 * Takes requests until close() (which removes the folder). Returns null when
 * the folder cannot be made or watched: the run goes on without it.
 */
export function watchControlRequests(
  sessionDir: string,
  handlers: ControlHandlers,
): { close(): void } | null {
  const folder = sessionFile(sessionDir, 'control');
  let watcher: ReturnType<typeof watch>;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    watcher = watch(folder, () => take());
    watcher.on('error', () => undefined);
  } catch {
    return null;
  }
  function take(): void {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const request = requestOf(name);
      if (!request) continue;
      rmSync(join(folder, name), { force: true });
      try {
        if (request.kind === 'cancel-session') handlers.cancelSession();
        else handlers.cancelProcess(request.processId);
      } catch {
        // A handler's failure must not stop the watch.
      }
    }
  }
  take();
  return {
    close() {
      watcher.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** True when a run is taking requests for this session (its control folder exists). */
export function takesControlRequests(sessionDir: string): boolean {
  try {
    readdirSync(sessionFile(sessionDir, 'control'));
    return true;
  } catch {
    return false;
  }
}

/** Writes one request whole; throws when the run takes none (no control folder). */
export function requestControl(sessionDir: string, request: ControlRequest): void {
  const folder = sessionFile(sessionDir, 'control');
  const name =
    request.kind === 'cancel-session' ? SESSION_FILE : `${PROCESS_PREFIX}${request.processId}`;
  const temporary = join(folder, `.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temporary, '', { mode: 0o600 });
  renameSync(temporary, join(folder, name));
}
