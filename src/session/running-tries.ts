/**
 * The current try of each process of a session, so one process can be
 * cancelled by id (the dashboard's cancel button) whoever started it: a
 * strategy, a pattern, the session's executor. A process is current from the
 * moment the session takes it in, so a cancel reaches it while it waits for a
 * slot of the session's limiter too (it then ends `cancelled` and never
 * starts). A retry is a clone that inherits these listeners: its try is
 * current from its start.
 */
import type { AgentProcess } from '../process/agent-process.js';

export class RunningTries {
  private readonly current = new Map<string, AgentProcess>();

  watch(process: AgentProcess): void {
    const current = this.current;
    current.set(process.processId, process);
    process.on('start', function (this: AgentProcess) {
      current.set(this.processId, this);
    });
    process.on('end', function (this: AgentProcess) {
      if (current.get(this.processId) === this) current.delete(this.processId);
    });
  }

  /**
   * Cancels the current try of `processId`: a running tree ends; one waiting
   * for its slot, or not run yet, ends without starting. False when the
   * process has ended (or there is no such process).
   */
  cancel(processId: string, reason: string): boolean {
    const latest = this.current.get(processId);
    if (!latest || latest.state === 'ended') return false;
    latest.cancel(reason);
    return true;
  }
}
