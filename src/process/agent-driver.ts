/**
 * The seam between the agent-neutral lifecycle and one agent CLI. A driver says
 * how to call the agent and how to read what it prints; the lifecycle does
 * everything else (spawn, stream, log, time out, end the tree, build the result).
 */
import type { RateLimitSignal } from './rate-limit.js';
import type { ProcessResult, ProcessStatus, TokenUsage } from './result.js';

export interface AgentInvocation {
  command: string;
  args: string[];
  /** When set, the prompt travels on stdin (then stdin is closed). */
  stdinData?: string;
  /** The command line for logs, with the prompt elided. */
  displayArgs: string[];
}

/** What a driver may add to the result once the child is done. */
export type AgentFindings = Partial<
  Pick<
    ProcessResult,
    | 'output'
    | 'sessionId'
    | 'costUsd'
    | 'usage'
    | 'usagePartial'
    | 'numTurns'
    | 'model'
    | 'isError'
    | 'apiErrorStatus'
    | 'permissionDenials'
    | 'structuredOutput'
  >
> & {
  /** A verdict that overrides the one the exit code alone gives (never for timeouts/cancels). */
  status?: Extract<ProcessStatus, 'succeeded' | 'failed'>;
  /** Why, in words, when the driver decided the status. */
  reason?: string;
};

/** Reads one run's stdout; a fresh reader per run. */
export interface OutputReader {
  /**
   * Which lines `line()` needs when nothing is mirrored to the console: all,
   * only those starting with "{" (JSON events), or none. Lets a flood skip parsing.
   */
  readonly wants: 'all' | 'json' | 'none';
  /** Each complete stdout line (without the newline), and the last one even without it. */
  line(line: Buffer): void;
  /** Text to mirror to the console for this line, or null to show nothing. */
  display(line: Buffer): string | null;
  /** Called once at the end with the exit code (null when killed). */
  findings(exitCode: number | null): AgentFindings;
}

export interface AgentDriver {
  /** The agent's name for logs and errors, e.g. "claude". */
  readonly name: string;
  /** The binary to run when the caller names none (may read the child's env). */
  defaultCommand(env: Record<string, string | undefined>): string;
  /** Builds the command line; `command` is the binary, `extraArgs` the caller's additions. */
  invocation(prompt: string, command: string, extraArgs: string[]): AgentInvocation;
  reader(hooks: ReaderHooks): OutputReader;
  /** Advice appended to a spawn error, e.g. how to install the agent. */
  installHint?: string;
  /** What one stream event says about the account's rate limits, if anything (docs/limits.md). */
  rateLimitOf?(event: Record<string, unknown>): RateLimitSignal | null;
  /** The cost so far (USD, cumulative for the run) one stream event reports, if it does. */
  costOf?(event: Record<string, unknown>): number | null;
  /** Arguments that make the agent stop itself past `maxUsd` (claude: `--max-budget-usd`). */
  budgetArgs?(maxUsd: number): string[];
  /**
   * Arguments that continue the agent's conversation `agentSessionId` (claude:
   * `--resume <id>`), for resuming a session; absent when the agent cannot.
   */
  resumeArgs?(agentSessionId: string): string[];
  /**
   * Whether a continued conversation's reported cost and tokens are its
   * totals, earlier tries included (claude's `total_cost_usd`, codex's thread
   * usage): true when absent. False: each run reports its own (gemini).
   */
  readonly resumeReportsTotals?: boolean;
  /** A fresh reader of live progress for one try, when the agent's stream shows any. */
  activity?(): ActivityReader;
  /** The agent's own retry of a failed API call that `event` announces, or null. */
  agentRetry?(event: Record<string, unknown>): AgentRetry | null;
}

/** An agent retrying a failed API call on its own, inside one try. */
export interface AgentRetry {
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

/** Live progress of one try so far: tokens, turns, and what the agent just did. */
export interface ActivitySnapshot extends TokenUsage {
  turns: number;
  activity: string | null;
}

/** Reads a try's parsed stream events; returns the progress when an event changes it. */
export interface ActivityReader {
  read(event: Record<string, unknown>): ActivitySnapshot | null;
}

export interface ReaderHooks {
  /** A parsed machine-readable event from the agent's stream. */
  event(event: Record<string, unknown>, raw: Buffer): void;
}
