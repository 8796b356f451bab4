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
  agent?: string;
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
  rateLimited?: boolean;
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

/** Which step of a pattern a process runs. */
export interface StepRecord extends BaseRecord {
  kind: 'step';
  processId: string;
  step: string;
  round: number | null;
  role: string;
}

/** What a process left in its own worktree. */
export interface ArtifactsRecord extends BaseRecord {
  kind: 'artifacts';
  processId: string;
  branch: string;
  baseCommit: string;
  commit: string;
  filesChanged: { path: string; added: number; removed: number }[];
  patchFile: string;
}

/** What a pattern decided. */
export interface VerdictRecord extends BaseRecord {
  kind: 'verdict';
  chosen: string | null;
  message: string;
}

/** A task given to the session: queued until its process starts. */
export interface TaskRecord extends BaseRecord {
  kind: 'task' | 'queued';
  processId: string;
  agent?: string;
  label?: string;
  spec?: { agent?: string; label?: string };
}

export interface SessionEndRecord extends BaseRecord {
  kind: 'session-end';
  status: string;
}

export const tokensOf = (u: Usage | null | undefined): number =>
  u ? u.inputTokens + u.outputTokens + u.cacheReadInputTokens + u.cacheCreationInputTokens : 0;
