/**
 * The summary entries of finished processes, out of memory. A live session
 * keeps in memory only the entries of processes not yet finished (and a window
 * of recent ones); older ones are appended here as JSON lines, and read back
 * when a summary is made. The file is unlinked as soon as it is opened, so
 * nothing is left behind whatever happens to this process, and removing the
 * session folder loses nothing. A write that fails (a full disk) turns the
 * file off: the caller keeps its entries in memory from then on.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { ProcessSummary } from './summary-types.js';

/** An entry and its place in the summary's list (the order processes were first seen). */
export interface Settled {
  order: number;
  entry: ProcessSummary;
}

/** What may change on a settled entry without bringing it back: neither touches the totals. */
export type Amendment = Pick<ProcessSummary, 'artifacts' | 'step'>;

type Line = Settled | { amend: string; patch: Amendment };

export class SettledProcesses {
  private fd: number | null = null;
  private size = 0;
  private broken = false;

  /** False once a write failed: keep entries in memory instead. */
  get writable(): boolean {
    return !this.broken;
  }

  put(settled: Settled): boolean {
    return this.append({ order: settled.order, entry: settled.entry });
  }

  amend(processId: string, patch: Amendment): boolean {
    return this.append({ amend: processId, patch });
  }

  /** The latest entry of each process, amendments applied. */
  all(only?: string): Map<string, Settled> {
    const found = new Map<string, Settled>();
    const needle = only === undefined ? null : JSON.stringify(only);
    for (const text of this.lines()) {
      if (needle !== null && !text.includes(needle)) continue;
      const line = JSON.parse(text) as Line;
      if ('amend' in line) {
        const settled = found.get(line.amend);
        if (settled) Object.assign(settled.entry, line.patch);
      } else if (only === undefined || line.entry.processId === only) {
        found.set(line.entry.processId, line);
      }
    }
    return found;
  }

  find(processId: string): Settled | undefined {
    return this.all(processId).get(processId);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.broken = true;
  }

  private append(line: Line): boolean {
    if (this.broken) return false;
    const bytes = Buffer.from(`${JSON.stringify(line)}\n`);
    try {
      this.fd ??= openUnlinked();
      let done = 0;
      while (done < bytes.length) {
        done += writeSync(this.fd, bytes, done, bytes.length - done, this.size + done);
      }
    } catch {
      this.broken = true; // what was written before stays readable
      return false;
    }
    this.size += bytes.length;
    return true;
  }

  private *lines(): Generator<string> {
    if (this.fd === null) return;
    const chunk = Buffer.alloc(1 << 20);
    const decoder = new StringDecoder('utf8'); // a character may straddle two chunks
    let carry = '';
    for (let at = 0; at < this.size;) {
      const read = readSync(this.fd, chunk, 0, Math.min(chunk.length, this.size - at), at);
      if (read === 0) break;
      at += read;
      const parts = (carry + decoder.write(chunk.subarray(0, read))).split('\n');
      carry = parts.pop() ?? '';
      yield* parts.filter((part) => part !== '');
    }
  }
}

function openUnlinked(): number {
  const path = join(
    tmpdir(),
    `orchestrate-settled-${process.pid}-${randomBytes(6).toString('hex')}`,
  );
  const fd = openSync(path, 'wx+', 0o600);
  try {
    unlinkSync(path);
  } catch {
    // Left behind if it cannot be removed; still usable.
  }
  return fd;
}
