/**
 * Watches a run's process-end records for the `--halt` condition. A failure
 * counts once it is final: not one that `--retries` will try again (a
 * transient API error with tries left). When the count is reached it calls
 * `halt` once, with a sentence for the user.
 */
import type { OrchestrateEvent } from '../../events/types.js';
import { haltThreshold, type HaltRule } from '../options/halt.js';

export class HaltWatch {
  private failed = 0;
  private succeeded = 0;
  /** Set once the condition was met. */
  reason: string | null = null;

  constructor(
    private readonly rule: HaltRule,
    private readonly processes: number,
    private readonly retries: number,
    private readonly halt: (reason: string) => void,
  ) {}

  read(event: OrchestrateEvent): void {
    if (event.kind !== 'process-end' || this.reason !== null) return;
    if (event.status === 'succeeded') this.succeeded++;
    else if (event.status !== 'cancelled' && this.isFinal(event)) this.failed++;
    else return;
    const count =
      this.rule.when === 'fail'
        ? this.failed
        : this.rule.when === 'success'
          ? this.succeeded
          : this.failed + this.succeeded;
    if (count < haltThreshold(this.rule, this.processes)) return;
    const what =
      this.rule.when === 'done' ? 'ended' : this.rule.when === 'fail' ? 'failed' : 'succeeded';
    const limit = `${this.rule.count}${this.rule.percent ? '%' : ''}`;
    this.reason = `--halt now,${this.rule.when}=${limit}: ${count} process${count === 1 ? '' : 'es'} ${what}; cancelling the rest`;
    this.halt(this.reason);
  }

  private isFinal(event: Extract<OrchestrateEvent, { kind: 'process-end' }>): boolean {
    if (event.attempt > this.retries) return true;
    const status = event.apiErrorStatus;
    const transient =
      event.status === 'failed' && status !== null && (status === 429 || status >= 500);
    return !transient;
  }
}
