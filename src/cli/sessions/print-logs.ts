/**
 * `orchestrate logs ID [processId] [-f]`: prints session.log, or a process's
 * log (every try, in order). With -f it keeps printing what is appended until
 * the session (or that process) is over, like `tail -f` that knows when to stop.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { sessionFile } from '../../session/files.js';
import type { LogsFlags } from '../commands/logs-command.js';
import { CLIError, EXIT, type ExitCode } from '../errors.js';
import { finished, processIds, processLogFiles, readEventsSync } from './log-files.js';
import { locateSession } from './locate.js';

const POLL_MS = 200;

export async function runLogs(
  id: string,
  processId: string | undefined,
  flags: LogsFlags,
): Promise<ExitCode> {
  const dir = locateSession(id, flags, 'logs');
  const files = () => {
    const events = readEventsSync(dir);
    return {
      events,
      paths:
        processId === undefined
          ? [sessionFile(dir, 'log')]
          : processLogFiles(dir, events, processId),
    };
  };
  const first = files();
  if (processId !== undefined && first.paths.length === 0 && !flags.follow) {
    const known = processIds(first.events);
    const why = known.includes(processId)
      ? `${processId} has no log yet: it has not started`
      : `no process "${processId}" in ${id}; it has ${known.join(', ') || 'none'}`;
    throw new CLIError(why, 'E_NOT_FOUND', 'logs');
  }
  const offsets = new Map<string, number>();
  const drain = (paths: string[]) => {
    for (const path of paths) offsets.set(path, copyNewBytes(path, offsets.get(path) ?? 0));
  };
  drain(first.paths);
  if (!flags.follow) return EXIT.ok;
  let interrupted = false;
  const onSignal = () => (interrupted = true);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    for (;;) {
      const now = files();
      const over = finished(dir, now.events, processId);
      drain(now.paths);
      if (over) return EXIT.ok;
      if (interrupted) return EXIT.interrupted;
      await sleep(POLL_MS);
      if (interrupted) return EXIT.interrupted;
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Writes the bytes of `path` from `offset` on to stdout; returns the new offset. */
function copyNewBytes(path: string, offset: number): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return offset;
  }
  try {
    const buffer = Buffer.alloc(64 * 1024);
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, offset);
      if (n === 0) return offset;
      process.stdout.write(Buffer.from(buffer.subarray(0, n)));
      offset += n;
    }
  } finally {
    closeSync(fd);
  }
}
