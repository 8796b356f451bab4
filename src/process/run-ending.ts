/**
 * How one run is ended from outside (cancel(), fail(), terminate(), a listener
 * or the logger that threw): the child run once it exists, else a reason kept
 * for when it has spawned; a run that waits for its slot is let through, to
 * end unstarted. The first listener error is kept for the result.
 */
import type { EndReason } from './result.js';
import type { ChildRun } from './run-child.js';
import { inSlot, type StartSlot } from './start-slot.js';

export class RunEnding {
  /** The child run, once started. */
  current: ChildRun | null = null;
  /** A reason that came before the child existed, applied once it does. */
  early: EndReason | null = null;
  /** Aborted by a cancel while the run waits for its slot. */
  waiting: AbortController | null = null;
  /** The first error thrown by a listener or the logger during this run, in words. */
  listenerError: string | null = null;

  /** Ends the run for `reason`; nothing is kept once the run has `ended`. */
  end(reason: EndReason, ended: boolean): void {
    if (this.current) this.current.end(reason);
    // Pending, or running but still spawning: the reason is applied once the child exists.
    else if (!ended && !this.early) this.early = reason;
    // Waiting for its slot: it goes through at once, to end unstarted.
    this.waiting?.abort();
  }

  /** A listener threw (`message`): the run ends with it, if it is `running` or has a child. */
  listenerFailed(message: string, running: boolean): void {
    this.listenerError ??= message;
    const reason: EndReason = { kind: 'error', message };
    if (this.current) this.current.end(reason);
    else if (running && !this.early) this.early = reason;
  }

  /** Runs `execute` once `slot` lets it; a reason kept already, or a cancel while it waits, lets it through at once. */
  async inSlot<T>(
    slot: StartSlot,
    execute: () => Promise<T>,
    signal: AbortSignal | null,
  ): Promise<T> {
    const waiting = (this.waiting = new AbortController());
    if (this.early) waiting.abort();
    const start = () => {
      this.waiting = null;
      return execute();
    };
    try {
      return await inSlot(slot, start, waiting, signal);
    } finally {
      this.waiting = null;
    }
  }
}
