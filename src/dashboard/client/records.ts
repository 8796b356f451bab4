/**
 * The records the page reads, as far as it reads them: the session's own
 * types live server-side (src/events/types.ts); the page keeps only the
 * fields it shows, so a newer orchestrate's extra fields pass through.
 */
export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
}

export interface BaseRecord {
  kind: string;
  seq: number;
  at: string;
  sessionId: string;
  [field: string]: unknown;
}

export interface StartRecord extends BaseRecord {
  kind: 'process-start';
  processId: string;
  attempt: number;
  command: string;
  args: string[];
}

export interface ActivityRecord extends BaseRecord, Usage {
  kind: 'process-activity';
  processId: string;
  attempt: number;
  activity: string | null;
}

export interface RetryRecord extends BaseRecord {
  kind: 'retry';
  processId: string;
  attempt: number;
  delayMs: number;
  reason: string;
  previousApiErrorStatus: number | null;
}

export interface EndRecord extends BaseRecord {
  kind: 'process-end';
  processId: string;
  attempt: number;
  status: string;
  durationMs: number;
  costUsd: number | null;
  usage: Usage | null;
  model: string | null;
  message: string;
  outputExcerpt: string;
}

export interface SessionEndRecord extends BaseRecord {
  kind: 'session-end';
  status: string;
}

/** The fields of process-end that every orchestrate writes; the rest are shown as artifacts. */
export const END_FIELDS = new Set([
  'kind',
  'seq',
  'at',
  'sessionId',
  'processId',
  'attempt',
  'status',
  'exitCode',
  'signal',
  'durationMs',
  'message',
  'logFile',
  'agentSessionId',
  'costUsd',
  'usage',
  'numTurns',
  'model',
  'isError',
  'apiErrorStatus',
  'outputChars',
  'outputTruncated',
  'outputExcerpt',
  'stderrExcerpt',
]);

export const tokensOf = (u: Usage | null | undefined): number =>
  u ? u.inputTokens + u.outputTokens + u.cacheReadInputTokens + u.cacheCreationInputTokens : 0;
