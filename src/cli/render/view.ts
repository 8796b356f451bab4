/**
 * A view is one reader of the session's event stream: the live board on a
 * terminal, plain lines for CI logs, or nothing with --quiet. The run command
 * feeds it events and notices; --stream output goes through it too, so the
 * board can keep itself below the agents' lines.
 */
import { Writable } from 'node:stream';
import type { OrchestrateEvent } from '../../events/types.js';

export interface RunView {
  event(event: OrchestrateEvent): void;
  /** A message from orchestrate itself (e.g. how to stop at once). */
  notice(text: string): void;
  /** Where --stream sends the agents' mirrored lines. */
  readonly streamSink: Writable;
  /** The run is over: leave the final state on screen and release the terminal. */
  stop(): void;
}

/**
 * A Writable that hands each chunk to `write` as text, at once. When `write`
 * says the target is full (returns false), the next chunk waits for the
 * target's 'drain': the backlog then shows in this sink's `writableLength`,
 * which the agents' console mirror reads to drop lines instead of growing memory.
 */
export function textSink(
  write: (text: string) => boolean | void,
  target?: NodeJS.EventEmitter,
): Writable {
  return new Writable({
    decodeStrings: false,
    write(chunk: Buffer | string, _encoding, done) {
      const flowing = write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      if (flowing === false && target) target.once('drain', () => done());
      else done();
    },
  });
}
