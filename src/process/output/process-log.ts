/**
 * The process log, `<logDir>/<processId>.log`: a header (process, start time,
 * command with the prompt elided, a prompt excerpt), the child's stdout byte for
 * byte, and a footer (status, exit code, duration, cost, then stderr).
 * Writes are streamed; `write` returns false when the caller should pause.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ProcessResult } from '../result.js';
import { formatCost, formatDuration } from '../format.js';

const RULE = '-'.repeat(80);
const PROMPT_EXCERPT = 200;

export interface LogHeader {
  processId: string;
  startedAt: Date;
  commandLine: string;
  workingDir: string;
  prompt: string;
}

export class ProcessLog {
  private readonly stream: WriteStream;
  private lastByte = 10;
  private failure: Error | null = null;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { flags: 'w' });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  writeHeader(header: LogHeader): void {
    const excerpt =
      header.prompt.length > PROMPT_EXCERPT
        ? `${header.prompt.slice(0, PROMPT_EXCERPT)}... (${header.prompt.length} characters)`
        : header.prompt;
    this.stream.write(
      [
        `Process: ${header.processId}`,
        `Started: ${header.startedAt.toISOString()}`,
        `Command: ${header.commandLine}`,
        `Working dir: ${header.workingDir}`,
        `Prompt: ${excerpt.replace(/\r?\n/g, ' ')}`,
        RULE,
        '',
      ].join('\n'),
    );
  }

  /** Writes output bytes as they are; false means "wait for drain". */
  write(chunk: Buffer): boolean {
    if (chunk.length > 0) this.lastByte = chunk[chunk.length - 1]!;
    return this.stream.write(chunk);
  }

  onDrain(callback: () => void): void {
    this.stream.once('drain', callback);
  }

  async close(result: ProcessResult, stderr: Buffer, stderrTruncated: boolean): Promise<void> {
    const lines = [
      this.lastByte === 10 ? RULE : `\n${RULE}`,
      `Status: ${result.status} (${result.message})`,
      `Exit code: ${result.exitCode}${result.signal ? ` (signal ${result.signal})` : ''}`,
      `Duration: ${formatDuration(result.durationMs)}`,
      `Cost: ${formatCost(result.costUsd)}`,
    ];
    if (result.outputTruncated) lines.push('Output: over the in-memory cap; this file has all of it');
    lines.push(`--- stderr (${stderr.length} bytes${stderrTruncated ? ', truncated' : ''}) ---`, '');
    this.stream.write(lines.join('\n'));
    if (stderr.length > 0) this.stream.write(stderr);
    this.stream.end(stderr.length > 0 && stderr[stderr.length - 1] !== 10 ? '\n' : '');
    if (!this.stream.closed && !this.failure) await once(this.stream, 'close').catch(() => undefined);
  }

  get error(): Error | null {
    return this.failure;
  }
}
