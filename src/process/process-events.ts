/** What an AgentProcess tells its listeners, and the shapes it tells them in. */
import type { LogLevel } from '../logging/logger.js';
import type { ProcessResult } from './result.js';

export type ProcessState = 'pending' | 'running' | 'ended';

export interface ProcessStartInfo {
  processId: string;
  pid: number;
  command: string;
  /** Arguments with the prompt elided. */
  args: string[];
  startedAt: Date;
}

export interface AgentProcessEvents {
  start: [info: ProcessStartInfo];
  output: [chunk: Buffer, stream: 'stdout' | 'stderr'];
  'agent-event': [event: Record<string, unknown>];
  log: [level: LogLevel, message: string];
  /** Emitted by strategies when they schedule another try of this process. */
  retry: [info: RetryInfo];
  end: [result: ProcessResult];
}

export interface RetryInfo {
  processId: string;
  /** The try about to start (2 for the first retry). */
  attempt: number;
  delayMs: number;
  /** Why the previous try is retried, in words. */
  reason: string;
  previous: ProcessResult;
  /** True when the rate limit refused the previous try: it is run again, not a spent try. */
  rateLimited?: boolean;
}
