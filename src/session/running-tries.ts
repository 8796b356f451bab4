/**
 * The try of each process of a session that is running now, so one process
 * can be cancelled by id (the dashboard's cancel button) whoever started it:
 * a strategy, a pattern, the session's executor. A retry is a clone that
 * inherits these listeners, so its try is found the same way.
 */
import type { AgentProcess } from '../process/agent-process.js';

export class RunningTries {
  private readonly running = new Map<string, AgentProcess>();

  watch(process: AgentProcess): void {
    const running = this.running;
    process.on('start', function (this: AgentProcess) {
      running.set(this.processId, this);
    });
    process.on('end', function (this: AgentProcess) {
      if (running.get(this.processId) === this) running.delete(this.processId);
    });
  }

  /** Cancels the running try of `processId`; false when none is running. */
  cancel(processId: string, reason: string): boolean {
    const current = this.running.get(processId);
    if (!current || current.state !== 'running') return false;
    current.cancel(reason);
    return true;
  }
}
