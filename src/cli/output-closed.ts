/**
 * Our stdout and stderr may go away under us: `| head` exits (EPIPE), the
 * terminal closes (EIO). Neither may crash the CLI or print a stack trace: the
 * error is kept, a run is cancelled (its trees end, its summary is written),
 * and everything written later is dropped. `flushOutput()` waits until what was
 * written has reached the reader, however slow it is.
 */
import type { Writable } from 'node:stream';

let closedBy: NodeJS.ErrnoException | null = null;
const listeners = new Set<(error: NodeJS.ErrnoException) => void>();
let watching = false;

/** Installs the error handlers on process.stdout and process.stderr (once). */
export function watchOutput(): void {
  if (watching) return;
  watching = true;
  const onError = (error: NodeJS.ErrnoException) => {
    if (closedBy) return;
    closedBy = error;
    for (const listener of listeners) listener(error);
  };
  process.stdout.on('error', onError);
  process.stderr.on('error', onError);
}

/** The error that closed our output, or null while it is open. */
export function outputClosed(): NodeJS.ErrnoException | null {
  return closedBy;
}

/** Calls `listener` once when our output goes away; returns the undo. */
export function onOutputClosed(listener: (error: NodeJS.ErrnoException) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Resolves when `out` wants more ('drain'), or is gone. */
export function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}

async function flushed(stream: Writable): Promise<void> {
  while (!closedBy && !stream.destroyed && stream.writableLength > 0) await drained(stream);
}

/** Resolves once stdout and stderr hold nothing unwritten (or are gone). */
export async function flushOutput(): Promise<void> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
}
