/**
 * Moves the child's stdout and stderr to their places: stdout byte for byte to
 * the log (pausing the child when the disk falls behind), its head to a bounded
 * buffer, its lines to the agent's reader and, when streaming, to the console.
 */
import type { Readable, Writable } from 'node:stream';
import type { OutputReader } from '../agent-driver.js';
import { BoundedBuffer } from './bounded-buffer.js';
import { LineSplitter } from './line-splitter.js';
import type { ProcessLog } from './process-log.js';

export interface PumpOptions {
  processId: string;
  capBytes: number;
  reader: OutputReader;
  log: ProcessLog;
  console: Writable | null;
  onChunk?: (chunk: Buffer, stream: 'stdout' | 'stderr') => void;
}

export class OutputPump {
  readonly stdout: BoundedBuffer;
  readonly stderr: BoundedBuffer;
  private readonly lines: LineSplitter;
  private readonly stderrLines: LineSplitter | null;

  constructor(private readonly options: PumpOptions) {
    this.stdout = new BoundedBuffer(options.capBytes);
    this.stderr = new BoundedBuffer(options.capBytes);
    const prefix = `[${options.processId}] `;
    const out = options.console;
    this.lines = new LineSplitter(
      {
        line: (line) => {
          options.reader.line(line);
          if (out) {
            const text = options.reader.display(line);
            if (text !== null) out.write(prefix + text + '\n');
          }
        },
      },
      options.capBytes,
    );
    this.stderrLines = out
      ? new LineSplitter({ line: (line) => out.write(`${prefix}[stderr] ${line.toString()}\n`) }, 64 * 1024)
      : null;
  }

  private stdoutStream: Readable | null = null;

  /** Bytes received on both streams so far. */
  get receivedBytes(): number {
    return this.stdout.totalBytes + this.stderr.totalBytes;
  }

  /** True while stdout waits for the log file to drain. */
  get paused(): boolean {
    return this.stdoutStream?.isPaused() ?? false;
  }

  attach(stdout: Readable, stderr: Readable | null): void {
    const { log, onChunk } = this.options;
    this.stdoutStream = stdout;
    stdout.on('data', (chunk: Buffer) => {
      if (!log.write(chunk)) {
        stdout.pause();
        log.onDrain(() => stdout.resume());
      }
      this.stdout.push(chunk);
      this.lines.push(chunk);
      onChunk?.(chunk, 'stdout');
    });
    stderr?.on('data', (chunk: Buffer) => {
      this.stderr.push(chunk);
      this.stderrLines?.push(chunk);
      onChunk?.(chunk, 'stderr');
    });
  }

  /** Flushes the last partial lines: nothing is lost at exit or at kill. */
  finish(): void {
    this.lines.end();
    this.stderrLines?.end();
  }
}
