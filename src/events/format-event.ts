/**
 * Renders a record as one human line, `[HH:MM:SS] [LEVEL] [source] message`,
 * the format of the original's session.log. Formatting is separate from
 * storage: session.log, a logger and a plain console view all use this.
 */
import { formatLogLine, type LogLevel } from '../logging/logger.js';
import { deniedText, formatCost, formatDuration } from '../process/format.js';
import { agentRetryText } from './agent-retry-text.js';
import type { OrchestrateEvent } from './types.js';

export interface EventLine {
  level: LogLevel;
  source: string;
  message: string;
}

/** The level, source and words for a record; null for records too chatty to print. */
export function describeRecord(event: OrchestrateEvent): EventLine | null {
  switch (event.kind) {
    case 'session-start':
      return {
        level: 'INFO',
        source: 'session',
        message: `Session ${event.sessionId} started (pattern ${event.patternName}${event.model ? `, model ${event.model}` : ''}) in ${event.workingDir}; logs in ${event.sessionDir}`,
      };
    case 'process-start':
      return {
        level: 'INFO',
        source: event.processId,
        message: `Started pid ${event.pid}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`,
      };
    case 'process-activity':
      return null;
    case 'retry':
      return {
        level: 'WARNING',
        source: event.processId,
        message: `Retrying (attempt ${event.attempt}) in ${formatDuration(event.delayMs)}: ${event.reason}`,
      };
    case 'agent-retry':
      return {
        level: 'WARNING',
        source: event.processId,
        message: `The agent is retrying: ${agentRetryText(event)}`,
      };
    case 'process-end': {
      const tokens = event.usage
        ? `, ${event.usage.inputTokens} in / ${event.usage.outputTokens} out tokens`
        : '';
      const denials = event.permissionDenials ?? [];
      return {
        level:
          denials.length > 0 && event.status === 'succeeded' ? 'WARNING' : levelOf(event.status),
        source: event.processId,
        message: `Result: ${event.status}, exit code ${event.exitCode}, ${formatDuration(event.durationMs)}, cost ${formatCost(event.costUsd)}${tokens}${denials.length > 0 ? `; ${deniedText(denials)}` : ''}`,
      };
    }
    case 'log':
      return { level: event.level, source: event.source, message: event.message };
    case 'artifacts': {
      const files = event.filesChanged.length;
      return {
        level: 'INFO',
        source: event.processId,
        message: `Work on branch ${event.branch}: ${files} file${files === 1 ? '' : 's'} changed, commit ${event.commit.slice(0, 12)}, patch ${event.patchFile}`,
      };
    }
    case 'task':
    case 'queued':
      return null;
    case 'step':
      return {
        level: 'INFO',
        source: event.processId,
        message: `Step ${event.step}${event.round === null ? '' : ` ${event.round}`} as ${event.role}`,
      };
    case 'verdict':
      return { level: 'INFO', source: 'session', message: `Verdict: ${event.message}` };
    case 'limit':
      return {
        level: event.action === 'resume' || event.action === 'budget' ? 'INFO' : 'WARNING',
        source: 'session',
        message: event.message,
      };
    case 'session-end':
      return {
        level: event.status === 'succeeded' ? 'INFO' : 'WARNING',
        source: 'session',
        message: `Session ${event.status} after ${formatDuration(event.durationMs)}: ${event.succeeded} of ${event.processes} processes succeeded, total cost ${formatCost(event.costUsd)}`,
      };
  }
}

/** The record as a session.log line, or null when it is not printed. */
export function formatEvent(event: OrchestrateEvent): string | null {
  const line = describeRecord(event);
  return line ? formatLogLine(line.level, line.source, line.message, new Date(event.at)) : null;
}

function levelOf(status: string): LogLevel {
  if (status === 'succeeded') return 'INFO';
  return status === 'cancelled' ? 'WARNING' : 'ERROR';
}
