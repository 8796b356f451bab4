/**
 * Signals during a run, handled like a Unix tool. The first SIGINT (Ctrl-C),
 * SIGTERM, SIGHUP or SIGQUIT aborts the run's signal: the strategies cancel
 * every process, each tree ends through the core (SIGTERM, then SIGKILL after
 * the grace period), the session records 'cancelled' and the command exits
 * with 128 + the signal's number (130, 143, 129, 131). A second signal kills
 * every known process group at once and leaves with that code. A reader that
 * goes away (EPIPE) cancels the run the same way, quietly, with 141.
 */
import { processTable, treeMembers } from '../../process/terminate/process-table.js';
import { SIGNAL_EXIT_CODES, type ExitCode, type HandledSignal } from '../errors.js';
import { onOutputClosed } from '../output-closed.js';

export interface InterruptHooks {
  /** Says what is happening (first signal). */
  notice(text: string): void;
  /** Runs synchronously just before the hard exit (second signal): remove temp files, restore the terminal. */
  beforeHardExit(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

export class Interrupts {
  readonly controller = new AbortController();
  /** What interrupted the run, if anything did ('SIGPIPE' when our output was closed). */
  received: HandledSignal | null = null;
  /** Process groups running now (leader pids), by process id. */
  private readonly groups = new Map<string, number>();
  private readonly handler = (signal: NodeJS.Signals) => this.onSignal(signal as HandledSignal);
  private unwatchOutput: (() => void) | null = null;

  constructor(private readonly hooks: InterruptHooks) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The exit code the interruption gives (128 + the signal's number), or null. */
  get exitCode(): ExitCode | null {
    return this.received === null ? null : SIGNAL_EXIT_CODES[this.received];
  }

  install(): this {
    for (const signal of SIGNALS) process.on(signal, this.handler);
    this.unwatchOutput = onOutputClosed(() => this.onOutputClosed());
    return this;
  }

  uninstall(): void {
    for (const signal of SIGNALS) process.off(signal, this.handler);
    this.unwatchOutput?.();
  }

  started(processId: string, pid: number): void {
    this.groups.set(processId, pid);
  }

  ended(processId: string): void {
    this.groups.delete(processId);
  }

  private onSignal(signal: HandledSignal): void {
    if (this.received === null) {
      this.received = signal;
      const how = signal === 'SIGINT' ? 'Ctrl-C' : signal;
      this.hooks.notice(
        `${how}: cancelling every process (their trees get SIGTERM, then SIGKILL after the grace period). Press Ctrl-C again to kill them at once.`,
      );
      this.controller.abort(new Error(`interrupted by ${signal}`));
      return;
    }
    this.killAll();
    this.hooks.beforeHardExit();
    process.exit(this.exitCode!);
  }

  /** Nobody reads us any more: cancel quietly (there is nobody to tell). Repeated write errors never escalate. */
  private onOutputClosed(): void {
    if (this.received !== null) return;
    this.received = 'SIGPIPE';
    this.controller.abort(new Error('the output was closed (EPIPE)'));
  }

  /** SIGKILL to every running group and every descendant found under it. */
  killAll(): void {
    const table = processTable(); // one scan for every group
    for (const pgid of this.groups.values()) {
      const members = treeMembers(pgid, table);
      for (const target of [-pgid, ...members]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  }
}
