/**
 * The one flat result shape for every outcome of an agent process: success and
 * failure look alike, so strategies read fields and never parse messages.
 */
/**
 * `skipped`: never started because the session's budget was spent (or another
 * gate refused it); the message says why.
 */
export type ProcessStatus =
  'succeeded' | 'failed' | 'timed_out' | 'cancelled' | 'spawn_error' | 'skipped';

/** A try that does not start: it ends 'skipped' (a spent budget) or 'failed' (held by the rate limit past --max-wait). */
export interface NotStarted {
  status: Extract<ProcessStatus, 'skipped' | 'failed'>;
  message: string;
}

/** Token counts reported by the agent (Claude's `usage`). */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
}

export interface ProcessResult {
  processId: string;
  /** The agent that ran: its driver's name ("claude", or a command's base name). */
  agent: string;
  status: ProcessStatus;
  /** The child's exit code; -1 when it did not exit on its own (killed, never started). */
  exitCode: number;
  /** The signal that ended the child, if any. */
  signal: NodeJS.Signals | null;
  durationMs: number;
  /** The agent's final result text when it gives one, else the captured stdout. */
  output: string;
  stderr: string;
  /** True when stdout outgrew the in-memory cap; the log file still has every byte. */
  outputTruncated: boolean;
  logFile: string;
  /** A short human sentence: "succeeded in 1.2 s", "timed out after 30 s", ... */
  message: string;
  /** Fields read from the agent's own stream (null when the agent did not report them). */
  sessionId: string | null;
  costUsd: number | null;
  usage: TokenUsage | null;
  /**
   * True when the run ended without the agent's final report (Claude's `result`
   * event): `usage` is then summed from the messages it streamed, and `costUsd`
   * is an estimate from list prices (null for an unknown model).
   */
  usagePartial: boolean;
  numTurns: number | null;
  model: string | null;
  /** The agent's own verdict: Claude's `result.is_error`. */
  isError: boolean | null;
  /** The HTTP status of an API error the agent gave up on (429, 529, 401, ...). */
  apiErrorStatus: number | null;
  /** Pids of the tree still alive after SIGKILL (empty when the tree is gone). */
  survivors: number[];
  /** What a run in its own git worktree changed; absent for runs in a shared folder. */
  artifacts?: WorkspaceArtifacts;
  /**
   * Tool calls the agent's permission rules refused (Claude's
   * `result.permission_denials`): a run can succeed and still have written
   * nothing. Empty when none were, or the agent does not say.
   */
  permissionDenials: PermissionDenial[];
  /**
   * The agent's structured answer, when the task gave an `outputSchema` and
   * the agent reports one itself (claude's `result.structured_output`).
   */
  structuredOutput?: unknown;
}

/** One file a worktree run changed, in lines (binary files count 0). */
export interface FileChange {
  path: string;
  added: number;
  removed: number;
}

/** A worktree run's work: its branch, where it started and ended, what it changed. */
export interface WorkspaceArtifacts {
  /** The branch holding the work: `orchestrate/<session>/<process>`. */
  branch: string;
  /** The commit the branch started from. */
  baseCommit: string;
  /** The branch's commit after the run (everything the agent left committed). */
  commit: string;
  filesChanged: FileChange[];
  /** `git diff --binary baseCommit commit`, saved in the session folder. */
  patchFile: string;
}

/** One refused tool call: the tool, and what it aimed at (a file, a command), when known. */
export interface PermissionDenial {
  tool: string;
  target: string | null;
}

/** Why a process was ended by us, recorded before the signal is sent. */
export type EndReason =
  | { kind: 'timeout'; timeoutMs: number }
  /**
   * The tree passed a resource limit; `peak` is what was seen (bytes or processes).
   * Under a cgroup: `oomKilled` when the kernel killed a process of it for memory,
   * `refused` the forks the kernel refused at the process limit; `afterExit`
   * when it was found after the child exited (it was not ended by us).
   */
  | {
      kind: 'limit';
      resource: 'memory' | 'processes';
      limit: number;
      peak: number;
      oomKilled?: boolean;
      refused?: number;
      afterExit?: boolean;
    }
  /** Nothing on stdout or stderr for `idleMs`. */
  | { kind: 'idle'; idleMs: number }
  | { kind: 'cancel'; reason?: string }
  | { kind: 'terminate' }
  /** Something on our side went wrong (a throwing listener): the run is a failure. */
  | { kind: 'error'; message: string };
