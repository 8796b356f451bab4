/**
 * The agent's output on its way back from a worker: each stream's bytes as
 * UTF-8 text (a decoder per stream, so a character split between two chunks
 * arrives whole), offered to the run's batcher, which sends it with the run's
 * events in order and coalesces what arrives within its interval. What the
 * batcher refuses (Redis taking it slower than the agent writes) is counted
 * and reported once at the end; the worker's log still has every byte.
 */
import { StringDecoder } from 'node:string_decoder';
import type { EventBatcher } from './event-batcher.js';
import type { OutputChunk, WireEvent } from './job-protocol.js';

type Stream = OutputChunk['stream'];

export class OutputSender {
  private readonly decoders = {
    stdout: new StringDecoder('utf8'),
    stderr: new StringDecoder('utf8'),
  };
  private droppedBytes = 0;

  constructor(
    private readonly batcher: EventBatcher<WireEvent>,
    private readonly taskId: string,
  ) {}

  push(chunk: Buffer, stream: Stream): void {
    this.offer(stream, this.decoders[stream].write(chunk), chunk.length);
  }

  /** Sends what the decoders hold, and says how much output was not sent. */
  end(logFile: string): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = this.decoders[stream].end();
      this.offer(stream, rest, Buffer.byteLength(rest));
    }
    if (this.droppedBytes === 0) return;
    this.batcher.add({
      kind: 'log',
      taskId: this.taskId,
      level: 'WARNING',
      message: `${this.droppedBytes} byte(s) of output not sent back: the agent wrote faster than Redis took it (the worker's log ${logFile} has every byte)`,
    });
  }

  private offer(stream: Stream, text: string, bytes: number): void {
    if (text.length === 0) return;
    if (!this.batcher.offer({ kind: 'output', stream, text }, bytes)) this.droppedBytes += bytes;
  }
}

/** Joins neighbouring output of the same stream into one event: fewer, larger pieces of JSON. */
export function coalesceOutput(events: WireEvent[]): WireEvent[] {
  const joined: WireEvent[] = [];
  for (const event of events) {
    const last = joined[joined.length - 1];
    if (event.kind === 'output' && last?.kind === 'output' && last.stream === event.stream)
      joined[joined.length - 1] = { ...last, text: last.text + event.text };
    else joined.push(event);
  }
  return joined;
}
