/**
 * The process log, `<logDir>/<processId>.log`: a header (process, start time,
 * command with the prompt elided, a prompt excerpt), the child's stdout byte for
 * byte, and a footer (status, exit code, duration, cost, then stderr).
 *
 * Writes are synchronous on purpose: bench/core measured a WriteStream at 252 MiB/s
 * and +2 ms per process (thread-pool round trips, pause/resume), far off `cat`;
 * a write to the page cache is short, and it keeps memory flat without backpressure.
 * Only the open is asynchronous: creating a file cost 0.8 ms of main thread
 * here (ext4), more than the rest of a quick run, so it runs in the thread pool
 * while the child starts. What arrives meanwhile waits in a queue; past
 * QUEUE_LIMIT_BYTES the caller pauses the child's pipe until `ready` (a flood
 * once starved the open's callback and queued 500 MB before that rule).
 * A write error is kept (see `error`); later writes are dropped, never thrown:
 * the caller keeps what `write` did not take, and `unwrittenBody` hands back
 * what was queued before an open that failed.
 *
 * The log is also where the result's raw output comes from: `readBodyText` reads
 * the head of stdout back, so no copy of the output is held in memory while the
 * child runs (bench/core/throughput: peak RSS stays near a bare spawn's).
 */
import { closeSync, open, readSync, unlink, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { formatCost, formatDuration } from '../format.js';
import type { ProcessResult } from '../result.js';
import { formatHeader, type LogHeader } from './log-header.js';

export type { LogHeader } from './log-header.js';

const RULE = '-'.repeat(80);
const READ_PIECE_BYTES = 1024 * 1024;
const QUEUE_LIMIT_BYTES = 1024 * 1024;

export class ProcessLog {
  private fd: number | null = null;
  private failure: Error | null = null;
  /** Why the file could not be opened (then nothing reached it), or null. */
  openError: Error | null = null;
  private queue: { buffer: Buffer; body: boolean }[] | null = [];
  private queuedBytes = 0;
  private unwritten: Buffer[] = [];
  /** Settles once the file is open (or failed to open). */
  readonly ready: Promise<void>;
  private lastByte = 10;
  private bodyStart = 0;
  /** Bytes of stdout that reached the file. */
  bodyBytes = 0;
  constructor(readonly path: string) {
    this.ready = new Promise((resolve) => {
      openFresh(path, (error, fd) => {
        const queued = this.queue ?? [];
        this.queue = null;
        if (error) this.failure = this.openError = error;
        else this.fd = fd;
        for (const item of queued) {
          if (!this.put(item.buffer, item.body) && item.body) this.unwritten.push(item.buffer);
        }
        resolve();
      });
    });
  }

  /** True while the open is pending and the queue is past its limit: pause the source. */
  get backlogged(): boolean {
    return this.queue !== null && this.queuedBytes > QUEUE_LIMIT_BYTES;
  }

  /** Stdout queued before an open that failed: it never reached the file. */
  unwrittenBody(): Buffer[] {
    return this.unwritten;
  }

  get error(): Error | null {
    return this.failure;
  }

  writeHeader(header: LogHeader): void {
    const buffer = Buffer.from(formatHeader(header) + RULE + '\n');
    this.bodyStart = buffer.length;
    this.put(buffer, false);
  }

  /** Writes output bytes as they are. False when they did not reach the file: keep them. */
  write(chunk: Buffer): boolean {
    if (chunk.length > 0) this.lastByte = chunk[chunk.length - 1]!;
    return this.put(chunk, true);
  }

  /**
   * The first `max` bytes of stdout as written to the file, decoded as UTF-8 a
   * piece at a time (one small buffer reused), so reading back costs little memory.
   */
  readBodyText(max: number): { text: string; bytes: number } {
    const length = Math.min(max, this.bodyBytes);
    if (this.fd === null || length === 0) return { text: '', bytes: 0 };
    const piece = Buffer.allocUnsafe(Math.min(length, READ_PIECE_BYTES));
    const decoder = new StringDecoder('utf8');
    let text = '';
    let read = 0;
    try {
      while (read < length) {
        const n = readSync(
          this.fd,
          piece,
          0,
          Math.min(piece.length, length - read),
          this.bodyStart + read,
        );
        if (n === 0) break;
        text += decoder.write(piece.subarray(0, n));
        read += n;
      }
    } catch {
      // Keep what was read.
    }
    return { text: text + decoder.end(), bytes: read };
  }

  /** Closes a file that has no footer (the stderr file). */
  async end(): Promise<void> {
    await this.ready;
    this.release();
  }

  async close(
    result: ProcessResult,
    stderr: Buffer,
    stderrTruncated: boolean,
    stderrFile: string | null = null,
  ): Promise<void> {
    await this.ready;
    const lines = [
      this.lastByte === 10 ? RULE : `\n${RULE}`,
      `Status: ${result.status} (${result.message})`,
      `Exit code: ${result.exitCode}${result.signal ? ` (signal ${result.signal})` : ''}`,
      `Duration: ${formatDuration(result.durationMs)}`,
      `Cost: ${formatCost(result.costUsd)}${result.usagePartial ? " (estimate: ended before the agent's final report)" : ''}`,
    ];
    if (result.outputTruncated)
      lines.push('Output: over the in-memory cap; this file has all of it');
    const whole = stderrFile ? `; all of it in ${basename(stderrFile)}` : '';
    lines.push(
      `--- stderr (${stderr.length} bytes${stderrTruncated ? ', truncated' : ''}${whole}) ---`,
      '',
    );
    this.put(Buffer.from(lines.join('\n')), false);
    // (the footer is best effort: after a write failure the result still holds it all)
    if (stderr.length > 0) {
      this.put(
        stderr[stderr.length - 1] === 10 ? stderr : Buffer.concat([stderr, Buffer.from('\n')]),
        false,
      );
    }
    this.release();
  }

  private put(buffer: Buffer, body: boolean): boolean {
    if (this.queue) {
      // Copy: the caller's chunk may live in a reused buffer.
      this.queue.push({ buffer: Buffer.from(buffer), body });
      this.queuedBytes += buffer.length;
      return true;
    }
    if (this.fd !== null && this.failure === null) {
      try {
        let offset = 0;
        while (offset < buffer.length) offset += writeSync(this.fd, buffer, offset);
        if (body) this.bodyBytes += buffer.length;
        return true;
      } catch (error) {
        // Keep the fd: what reached the file can still be read back.
        this.failure = error as Error;
      }
    }
    return false;
  }

  private release(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } catch {
      // Nothing more to do with a log that cannot be closed.
    }
    this.fd = null;
  }
}

/**
 * Opens `path` as a new, empty file. An old file of that name is removed rather
 * than truncated: on ext4, closing a file that was truncated and rewritten
 * flushes it to disk (auto_da_alloc), which cost 350 ms per GiB here.
 */
function openFresh(path: string, done: (error: NodeJS.ErrnoException | null, fd: number) => void) {
  open(path, 'wx+', (error, fd) => {
    if (error?.code !== 'EEXIST') return done(error, fd);
    unlink(path, (unlinkError) => {
      if (unlinkError) return done(unlinkError, -1);
      open(path, 'wx+', done);
    });
  });
}
