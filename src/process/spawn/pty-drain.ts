/**
 * node-pty stops reading a terminal before the child's last output is read.
 * Its socket ends on the first end-of-file the master reports, which Linux can
 * report while an exited child's last writes are still on their way to the
 * master; and 200 ms after the child's exit it destroys the socket, unread data
 * or not (a busy host misses that window). Either way the tail of the output was
 * lost: a 36,000-byte burst written just before exit arrived as 25,000–34,000
 * bytes in most runs on an idle machine.
 *
 * So, just before the socket is destroyed, the rest is read from the master
 * synchronously. The master is non-blocking: the read ends at EIO once every
 * writer has closed the terminal (the kernel first flushes what is in flight),
 * at EAGAIN when a survivor still holds it open, and at DRAIN_LIMIT_BYTES in any
 * case. This reaches into node-pty's private `_socket` and `_fd` (the version is
 * pinned); where they are not there, nothing changes.
 */
import { readSync } from 'node:fs';

const DRAIN_LIMIT_BYTES = 4 * 1024 * 1024;
const READ_BYTES = 64 * 1024;

interface TerminalInternals {
  _socket?: { destroyed?: boolean; destroy?: (...args: unknown[]) => unknown };
  _fd?: number;
}

/** Makes the terminal hand its unread output to `onData` before its socket is destroyed. */
export function drainBeforeDestroy(terminal: object, onData: (chunk: Buffer) => void): void {
  const { _socket: socket, _fd: fd } = terminal as TerminalInternals;
  if (!socket || typeof socket.destroy !== 'function' || typeof fd !== 'number') return;
  const destroy = socket.destroy.bind(socket);
  let drained = false;
  socket.destroy = (...args: unknown[]) => {
    if (!drained && !socket.destroyed) {
      drained = true;
      readRest(fd, onData);
    }
    return destroy(...args);
  };
}

function readRest(fd: number, onData: (chunk: Buffer) => void): void {
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  for (let total = 0; total < DRAIN_LIMIT_BYTES;) {
    let read: number;
    try {
      read = readSync(fd, buffer, 0, READ_BYTES, null);
    } catch {
      return; // EIO: every writer has closed it; EAGAIN: nothing more for now
    }
    if (read === 0) return;
    total += read;
    onData(Buffer.from(buffer.subarray(0, read)));
  }
}
