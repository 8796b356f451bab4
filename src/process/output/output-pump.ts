/**
 * Moves the child's stdout and stderr to their places: stdout byte for byte to
 * the log (which the result's raw output is later read back from, unless it
 * was small enough to keep; memory holds more of stdout only after a log write
 * failed), its lines to the agent's reader and, when streaming, to the console.
 */
import type { Readable, Writable } from 'node:stream';
import type { ChunkReader } from '../spawn/chunk-reader.js';
import type { OutputReader } from '../agent-driver.js';
import { BoundedBuffer } from './bounded-buffer.js';
import { ConsoleMirror } from './console-mirror.js';
import { LineSplitter } from './line-splitter.js';
import { ProcessLog } from './process-log.js';

/**
 * Stdout up to this size is also kept in memory, so the result of a run that
 * printed little is not read back from its log (a read, a decoder and a
 * buffer per quick run); past it the copy is dropped and the log serves.
 */
const SMALL_OUTPUT_BYTES = 4096;

export interface PumpOptions {
  processId: string;
  capBytes: number;
  reader: OutputReader;
  log: ProcessLog;
  console: Writable | null;
  /** Where stderr goes as it arrives (opened on its first byte). */
  stderrLogPath: string;
  onChunk?: (chunk: Buffer, stream: 'stdout' | 'stderr') => void;
}

export class OutputPump {
  readonly stdout: BoundedBuffer;
  readonly stderr: BoundedBuffer;
  private readonly lines: LineSplitter | null;
  private readonly stderrLines: LineSplitter | null;
  private readonly mirror: ConsoleMirror | null;
  /** Stderr's own file, written as it arrives; null until the first byte. */
  stderrLog: ProcessLog | null = null;

  constructor(private readonly options: PumpOptions) {
    this.stdout = new BoundedBuffer(options.capBytes);
    this.stderr = new BoundedBuffer(options.capBytes);
    const prefix = `[${options.processId}] `;
    const out = options.console ? new ConsoleMirror(options.console) : null;
    this.mirror = out;
    const wants = out ? 'all' : options.reader.wants;
    this.lines =
      wants === 'none'
        ? null
        : new LineSplitter(
            {
              line: (line) => {
                options.reader.line(line);
                if (out) {
                  const text = options.reader.display(line);
                  if (text !== null) out.line(prefix + text + '\n');
                }
              },
            },
            options.capBytes,
            wants === 'json' ? 0x7b : null,
          );
    this.stderrLines = out
      ? new LineSplitter(
          { line: (line) => out.line(`${prefix}[stderr] ${line.toString()}\n`) },
          64 * 1024,
        )
      : null;
  }

  private stdoutBytes = 0;
  /** All of stdout while it is small (copies); null once it outgrew SMALL_OUTPUT_BYTES. */
  private small: Buffer[] | null = [];

  /** Lines the console mirror dropped because the console was behind. */
  get droppedLines(): number {
    return this.mirror?.dropped ?? 0;
  }

  /** Bytes received on both streams so far. */
  get receivedBytes(): number {
    return this.stdoutBytes + this.stderr.totalBytes;
  }

  /** True when stdout outgrew the in-memory cap. */
  get stdoutTruncated(): boolean {
    return this.stdoutBytes > this.options.capBytes;
  }

  /** The head of stdout (up to the cap): from memory while small, else from the log plus memory after a log failure. */
  rawOutput(): { text: string; truncated: boolean } {
    const cap = this.options.capBytes;
    if (this.small && this.stdoutBytes <= cap)
      return { text: Buffer.concat(this.small).toString('utf8'), truncated: false };
    const fromFile = this.options.log.readBodyText(cap);
    // What never reached the file: queued before a failed open, then kept after a failure.
    const memory = [...this.options.log.unwrittenBody(), this.stdout.toBuffer()];
    const rest =
      fromFile.bytes < cap ? Buffer.concat(memory).subarray(0, cap - fromFile.bytes) : null;
    return {
      text: rest ? fromFile.text + rest.toString('utf8') : fromFile.text,
      truncated: this.stdoutTruncated,
    };
  }

  /** Stdout chunks may live in a reused buffer: everything here copies what it keeps. */
  attach(stdout: ChunkReader, stderr: Readable | null): void {
    const { log, onChunk } = this.options;
    stdout.start((chunk: Buffer) => {
      if (this.small) {
        if (this.stdoutBytes + chunk.length <= SMALL_OUTPUT_BYTES)
          this.small.push(Buffer.from(chunk));
        else this.small = null;
      }
      this.stdoutBytes += chunk.length;
      // Once the log fails, memory takes over (bounded by the cap).
      if (!log.write(chunk)) this.stdout.push(chunk);
      if (log.backlogged) {
        stdout.pause();
        void log.ready.then(() => stdout.resume());
      }
      this.lines?.push(chunk);
      onChunk?.(chunk, 'stdout');
    });
    stderr?.on('data', (chunk: Buffer) => {
      this.stderr.push(chunk);
      this.stderrLog ??= new ProcessLog(this.options.stderrLogPath);
      this.stderrLog.write(chunk);
      if (this.stderrLog.backlogged) {
        stderr.pause();
        void this.stderrLog.ready.then(() => stderr.resume());
      }
      this.stderrLines?.push(chunk);
      onChunk?.(chunk, 'stderr');
    });
  }

  /** Flushes the last partial lines: nothing is lost at exit or at kill. */
  finish(): void {
    this.lines?.end();
    this.stderrLines?.end();
  }
}
