/**
 * The one event stream of a session: a union of flat records keyed by `kind`.
 * The session writes them to `events.jsonl`, renders them to `session.log`, and
 * emits them as `'event'`; the CLI's live board, the dashboard and the tests
 * read the same records. Every record is plain JSON (no Dates, no Buffers).
 */
import type { LogLevel } from '../logging/logger.js';
import type {
  PermissionDenial,
  ProcessStatus,
  TokenUsage,
  WorkspaceArtifacts,
} from '../process/result.js';
import type { TaskSpec } from '../tasks/task-spec.js';

/** Fields every record carries. */
export interface EventBase {
  /**
   * The record's place in its session: 1 for session-start, one more for each
   * record after it, so it is also the record's line number in events.jsonl.
   * A reader that reconnects asks for the records after the last seq it saw.
   */
  seq: number;
  /** When it happened, as an ISO 8601 string. */
  at: string;
  sessionId: string;
}

export interface SessionStartEvent extends EventBase {
  kind: 'session-start';
  patternName: string;
  /** The run's human name (`--name`), when it has one. */
  name?: string;
  workingDir: string;
  sessionDir: string;
  model: string | null;
  orchestrateVersion: string;
  /** The orchestrator's own pid. */
  pid: number;
  /** Present when the model spends nothing (the mock model): its costs are simulated. */
  simulatedCost?: true;
}

/**
 * A task given to the session as data, recorded before its first try: enough
 * to run it again (`env` values whose names look secret are redacted).
 */
export interface TaskRecordEvent extends EventBase {
  kind: 'task';
  processId: string;
  spec: TaskSpec;
}

/**
 * A task given to a strategy through the session's executor, recorded when the
 * strategy gets its tasks: queued until its `process-start` (or never started:
 * a fallback that succeeded early, a cancelled run).
 */
export interface QueuedEvent extends EventBase {
  kind: 'queued';
  processId: string;
  agent: string;
  label?: string;
}

export interface ProcessStartEvent extends EventBase {
  kind: 'process-start';
  processId: string;
  /** The agent that runs it ("claude", a command's name, ...); absent in older sessions. */
  agent?: string;
  /** 1 for the first try, 2 for the first retry, ... */
  attempt: number;
  pid: number;
  command: string;
  /** Arguments with the prompt elided. */
  args: string[];
  promptChars: number;
  logFile: string;
}

/** Live progress read from the agent's stream (Claude's assistant messages). */
export interface ProcessActivityEvent extends EventBase {
  kind: 'process-activity';
  processId: string;
  attempt: number;
  /** Assistant messages so far in this try. */
  turns: number;
  /** Tokens so far in this try, summed over the assistant messages' usage. */
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
  /** What the agent just did, in one short line ("-> Bash(npm test)"), or null. */
  activity: string | null;
}

export interface RetryEvent extends EventBase {
  kind: 'retry';
  processId: string;
  /** The try about to start (2 for the first retry). */
  attempt: number;
  delayMs: number;
  reason: string;
  previousStatus: ProcessStatus;
  previousApiErrorStatus: number | null;
  /** True when the rate limit refused the previous try: run again, not a spent try. */
  rateLimited?: boolean;
}

/**
 * What the session's admission controller and budget did (docs/limits.md):
 * `pause` new starts wait for a rate limit's reset (`until`); `resume`;
 * `concurrency` the learnt concurrency changed; `budget` the session's budget
 * (recorded at the start); `budget-reached` no more starts.
 */
export interface LimitEvent extends EventBase {
  kind: 'limit';
  action: 'pause' | 'resume' | 'concurrency' | 'budget' | 'budget-reached';
  /** In words: "paused until 14:05 (five_hour limit)". */
  message: string;
  /** ISO time new starts wait for (pause). */
  until: string | null;
  limitType: string | null;
  concurrency: number | null;
  maxCostUsd: number | null;
  maxCostPerProcessUsd: number | null;
  /** Spent and running cost when the budget was reached. */
  spentUsd: number | null;
}

/**
 * The agent retrying a failed API call on its own, inside one try (Claude's
 * `system`/`api_retry`): a rate limit or an outage that would otherwise look
 * like a hang. Not orchestrate's own retry (that is `retry`).
 */
export interface AgentRetryEvent extends EventBase {
  kind: 'agent-retry';
  processId: string;
  /** orchestrate's try this happened in. */
  attempt: number;
  /** The agent's retry number (1 for its first retry) and its limit, when it says. */
  agentAttempt: number | null;
  maxRetries: number | null;
  /** How long the agent waits before this retry, when it says. */
  delayMs: number | null;
  /** The HTTP status of the failed call (429, 529, ...), or null (a connection error). */
  errorStatus: number | null;
  /** The agent's word for the error ("rate_limit", "overloaded"), or null. */
  error: string | null;
}

/** A ProcessResult's fields, with the agent's session id renamed and the output shortened. */
export interface ProcessEndEvent extends EventBase {
  kind: 'process-end';
  processId: string;
  /** The agent that ran it; absent in older sessions. */
  agent?: string;
  attempt: number;
  status: ProcessStatus;
  exitCode: number;
  signal: string | null;
  durationMs: number;
  message: string;
  logFile: string;
  /** The agent's own session id (Claude's `session_id`). */
  agentSessionId: string | null;
  costUsd: number | null;
  usage: TokenUsage | null;
  /** The run ended without the agent's final report: usage summed from the stream, cost estimated. */
  usagePartial: boolean;
  numTurns: number | null;
  model: string | null;
  isError: boolean | null;
  apiErrorStatus: number | null;
  /** Tool calls the agent's permission rules refused (may be absent in older sessions). */
  permissionDenials?: PermissionDenial[];
  outputChars: number;
  outputTruncated: boolean;
  /** The first characters of the output; the log file has all of it. */
  outputExcerpt: string;
  stderrExcerpt: string;
}

export interface LogEvent extends EventBase {
  kind: 'log';
  level: LogLevel;
  /** 'session' or the processId that said it. */
  source: string;
  message: string;
}

/** What a process run in its own worktree left: recorded once its lease is released. */
export interface ArtifactsEvent extends EventBase, WorkspaceArtifacts {
  kind: 'artifacts';
  processId: string;
}

/** Where a process stands in a pattern: which step, which round, which role. */
export interface StepInfo {
  /** The pattern's step, e.g. "version", "check", "review", "tier", "answer", "synthesis". */
  step: string;
  /** 1-based round (debate) or tier (cascade) or version (n-version); null when it has none. */
  round: number | null;
  /** Who the process speaks as: a perspective, an expert, "reviewer", "aggregator", ... */
  role: string;
}

/** A pattern's step assigned to a process, recorded before the process starts. */
export interface StepEvent extends EventBase, StepInfo {
  kind: 'step';
  processId: string;
}

/**
 * What a pattern decided, once it has: n-version's winner, cascade's accepted
 * tier, a panel's votes, the debate's synthesis.
 */
export interface VerdictEvent extends EventBase {
  kind: 'verdict';
  /** The process the verdict rests on (the winner, the accepted tier, the synthesis), or null when none. */
  chosen: string | null;
  /** In words: "Winner: version-2. It passed the check and is shorter." */
  message: string;
}

export type SessionStatus = 'succeeded' | 'failed' | 'cancelled';

export interface SessionEndEvent extends EventBase {
  kind: 'session-end';
  status: SessionStatus;
  durationMs: number;
  processes: number;
  succeeded: number;
  costUsd: number;
}

export type OrchestrateEvent =
  | SessionStartEvent
  | TaskRecordEvent
  | QueuedEvent
  | ProcessStartEvent
  | ProcessActivityEvent
  | RetryEvent
  | AgentRetryEvent
  | ProcessEndEvent
  | LogEvent
  | ArtifactsEvent
  | StepEvent
  | VerdictEvent
  | LimitEvent
  | SessionEndEvent;

export type EventKind = OrchestrateEvent['kind'];

/** The record type for one kind: `EventOf<'retry'>` is RetryEvent. */
export type EventOf<K extends EventKind> = Extract<OrchestrateEvent, { kind: K }>;

/** A record before the session stamps `at` and `sessionId` on it. */
export type EventDraft = Draft<OrchestrateEvent>;
type Draft<E> = E extends OrchestrateEvent ? Omit<E, keyof EventBase> : never;

export const EVENT_KINDS: readonly EventKind[] = [
  'session-start',
  'task',
  'queued',
  'process-start',
  'process-activity',
  'retry',
  'agent-retry',
  'process-end',
  'log',
  'artifacts',
  'step',
  'verdict',
  'session-end',
  'limit',
];
