/** The shape of summary.json: what `close()` returns and `readSessionSummary()` reads back. */
import type { ProcessStatus, TokenUsage, WorkspaceArtifacts } from '../process/result.js';
import type { SessionStatus, StepInfo } from '../events/types.js';

/**
 * `not_run`: created in the session but never started (a sequential run that
 * stopped early). `running`: started, no result yet (read from a live session).
 */
export type ProcessSummaryStatus = ProcessStatus | 'not_run' | 'running';

export interface ProcessSummary {
  processId: string;
  /** The task's label (a prompts-file `label`), when it has one. */
  label?: string;
  /** The start of the task's prompt: its first line, at most 100 characters. */
  prompt?: string;
  /** The agent that ran it; null before it started (or in older sessions). */
  agent: string | null;
  status: ProcessSummaryStatus;
  /** The last try's exit code; null before a result. */
  exitCode: number | null;
  /** The last try's duration; null before a result. */
  durationMs: number | null;
  /** Summed over every try (each try costs); null when the agent reported none. */
  costUsd: number | null;
  /** Summed over every try; null when the agent reported none. */
  usage: TokenUsage | null;
  numTurns: number | null;
  model: string | null;
  apiErrorStatus: number | null;
  /** Tries, retries included: the attempt number of the last try (0 before any). */
  tries: number;
  /** The agent's own API retries (rate limits, outages), over every try. */
  agentRetries: number;
  /** Tool calls refused by the agent's permission rules, in the last try. */
  permissionDenials: number;
  message: string | null;
  logFile: string | null;
  /** A worktree run's work (branch, commits, files changed, patch); absent otherwise. */
  artifacts?: WorkspaceArtifacts;
  /** The pattern step the process ran (absent outside patterns). */
  step?: StepInfo;
}

export interface SessionTotals {
  processes: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  cancelled: number;
  spawnErrors: number;
  /** Never started: the budget was spent (absent in summaries written before budgets). */
  skipped?: number;
  notRun: number;
  running: number;
  retries: number;
  /** Runs the rate limit refused, run again without counting as tries (absent when none). */
  rateLimitedRuns?: number;
  /** The agent's own API retries, over every process and try. */
  agentRetries: number;
  /** Refused tool calls, over every process. */
  permissionDenials: number;
  /** Every try's cost, summed (0 when none was reported). */
  costUsd: number;
  usage: TokenUsage;
}

/**
 * `incomplete`: read from a folder with no summary.json, so the session is
 * still running or ended without `close()`.
 */
export type SummaryStatus = SessionStatus | 'incomplete';

export interface SessionSummary {
  sessionId: string;
  patternName: string;
  /** The run's human name (`--name`), or null. */
  name: string | null;
  status: SummaryStatus;
  workingDir: string;
  sessionDir: string;
  model: string | null;
  startedAt: string;
  /** Null while the session is open. */
  endedAt: string | null;
  durationMs: number;
  processes: ProcessSummary[];
  totals: SessionTotals;
  /** The budget and what was spent against it (absent without a budget). */
  budget?: SessionBudget;
  /** Present when the costs are simulated (the mock model spends nothing). */
  simulatedCost?: true;
}

/** The session's budget (absent without one), and what it spent against it. */
export interface SessionBudget {
  maxCostUsd: number | null;
  maxCostPerProcessUsd: number | null;
  /** Every try's cost, summed: `totals.costUsd`. */
  spentUsd: number;
  /** True once the budget stopped new starts. */
  reached: boolean;
}
