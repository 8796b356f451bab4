/**
 * Ctrl-C and SIGTERM during a run. The first SIGINT (or a SIGTERM) aborts the
 * run's signal: the strategies cancel every process, each tree ends through
 * the core (SIGTERM, then SIGKILL after the grace period), and the session
 * records 'cancelled'. A second one kills every known process group at once
 * and leaves with exit code 130.
 */
import { treeMembers } from '../../process/terminate/process-table.js';
import { EXIT } from '../errors.js';

export interface InterruptHooks {
  /** Says what is happening (first signal). */
  notice(text: string): void;
  /** Runs synchronously just before the hard exit (second signal): remove temp files, restore the terminal. */
  beforeHardExit(): void;
}

export class Interrupts {
  readonly controller = new AbortController();
  /** The signal that interrupted the run, if one did. */
  received: NodeJS.Signals | null = null;
  /** Process groups running now (leader pids), by process id. */
  private readonly groups = new Map<string, number>();
  private readonly handler = (signal: NodeJS.Signals) => this.onSignal(signal);

  constructor(private readonly hooks: InterruptHooks) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  install(): this {
    process.on('SIGINT', this.handler);
    process.on('SIGTERM', this.handler);
    return this;
  }

  uninstall(): void {
    process.off('SIGINT', this.handler);
    process.off('SIGTERM', this.handler);
  }

  started(processId: string, pid: number): void {
    this.groups.set(processId, pid);
  }

  ended(processId: string): void {
    this.groups.delete(processId);
  }

  private onSignal(signal: NodeJS.Signals): void {
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
    process.exit(EXIT.interrupted);
  }

  /** SIGKILL to every running group and every descendant found under it. */
  killAll(): void {
    for (const pgid of this.groups.values()) {
      const members = treeMembers(pgid);
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
