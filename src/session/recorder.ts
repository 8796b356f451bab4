/**
 * Turns one process's events into session records. The listeners are plain
 * functions that read `this`, the process that emitted: a retry is a clone
 * that inherits them, so one set of listeners records every try, each under
 * its own attempt number, though the strategies know nothing about sessions.
 */
import { processEndDraft } from '../events/process-end.js';
import type { EventDraft } from '../events/types.js';
import type { LogLevel } from '../logging/logger.js';
import type { ActivityReader } from '../process/agent-driver.js';
import type { AgentProcess, ProcessStartInfo, RetryInfo } from '../process/agent-process.js';
import type { ProcessResult } from '../process/result.js';

export type RecordSink = (draft: EventDraft) => void;

export function recordProcess(process: AgentProcess, sink: RecordSink): void {
  const tallies = new WeakMap<AgentProcess, ActivityReader | null>();

  process.on('start', function (this: AgentProcess, info: ProcessStartInfo) {
    sink({
      kind: 'process-start',
      processId: this.processId,
      agent: this.agent,
      attempt: this.attempt,
      pid: info.pid,
      command: info.command,
      args: info.args,
      promptChars: this.prompt.length,
      logFile: this.logFile,
    });
  });

  process.on('agent-event', function (this: AgentProcess, event: Record<string, unknown>) {
    const retry = this.driver.agentRetry?.(event) ?? null;
    if (retry) {
      sink({ kind: 'agent-retry', processId: this.processId, attempt: this.attempt, ...retry });
      return;
    }
    let tally = tallies.get(this);
    if (tally === undefined) tallies.set(this, (tally = this.driver.activity?.() ?? null));
    const progress = tally?.read(event);
    if (!progress) return;
    sink({
      kind: 'process-activity',
      processId: this.processId,
      attempt: this.attempt,
      ...progress,
    });
  });

  process.on('retry', function (this: AgentProcess, info: RetryInfo) {
    sink({
      kind: 'retry',
      processId: info.processId,
      attempt: info.attempt,
      delayMs: info.delayMs,
      reason: info.reason,
      previousStatus: info.previous.status,
      previousApiErrorStatus: info.previous.apiErrorStatus,
      ...(info.rateLimited ? { rateLimited: true } : {}),
    });
  });

  process.on('log', function (this: AgentProcess, level: LogLevel, message: string) {
    sink({ kind: 'log', level, source: this.processId, message });
  });

  process.on('end', function (this: AgentProcess, result: ProcessResult) {
    sink(processEndDraft(result, this.attempt));
  });
}
