/**
 * The executor seam: something that runs one try of a TaskSpec and resolves
 * with its ProcessResult. LocalExecutor spawns it on this machine; a queue
 * executor (a later issue) sends it to a worker. Strategies only see this.
 */
import type { Writable } from 'node:stream';
import type { LogLevel, Logger } from '../logging/logger.js';
import type { ProcessStartInfo } from '../process/agent-process.js';
import type { PriceTable } from '../process/price-table.js';
import type { NotStarted, ProcessResult } from '../process/result.js';
import type { TaskSpec } from './task-spec.js';

/** What a running task reports, as plain data. */
export type TaskEvent =
  | { kind: 'start'; taskId: string; info: ProcessStartInfo }
  | { kind: 'agent-event'; taskId: string; event: Record<string, unknown> }
  | { kind: 'log'; taskId: string; level: LogLevel; message: string }
  | { kind: 'end'; taskId: string; result: ProcessResult }
  | { kind: 'retry'; taskId: string; attempt: number; delayMs: number; reason: string };

export interface ExecuteOptions {
  /** The folder for the task's log files. */
  logDir: string;
  /** Aborting it cancels the task (status 'cancelled'). */
  signal?: AbortSignal;
  /** Called with each event of the run, in order. */
  onEvent?: (event: TaskEvent) => void;
  /** The process id, naming the log files (default: the spec's `id`). */
  processId?: string;
  /** The session the task belongs to: a queue executor names its jobs with it. */
  sessionId?: string;
  /** Which try this is (default 1); tries after the first log to `<id>.attempt-N.log`. */
  attempt?: number;
  /** Added on top of the spec's `env` (e.g. the session's ORCHESTRATE_* variables); `undefined` removes one. */
  env?: Record<string, string | undefined>;
  /** Mirror the agent's output to `console` (default false). */
  streamOutput?: boolean;
  console?: Writable;
  /** Do not start this try: it ends with this status and message (a spent budget, a rate limit past --max-wait). */
  notStarted?: NotStarted;
  /** Where human log lines go (default: stderr). */
  logger?: Logger;
  /** USD per million tokens by model, for agents that report tokens but no cost. */
  prices?: PriceTable;
}

/** Another try of a task is coming. */
export interface RetryNotice {
  /** The try about to start (2 for the first retry). */
  attempt: number;
  delayMs: number;
  /** Why the previous try is retried, in words. */
  reason: string;
  previous: ProcessResult;
  /** True when the rate limit refused the previous try: it runs again, not a spent try. */
  rateLimited?: boolean;
}

/** What may happen in a task's worktree after its last try, before the worktree is released. */
export interface SettleOptions {
  /**
   * Runs in the worktree's folder once the agent's work is committed (a check);
   * what it leaves there stays out of the task's artifacts.
   */
  whileLeased?: (folder: string, result: ProcessResult) => Promise<void>;
}

export interface Executor {
  /** Runs one try of `spec`; resolves for every outcome of the task, rejects only for misuse. */
  run(spec: TaskSpec, options: ExecuteOptions): Promise<ProcessResult>;
  /**
   * Told of each task a strategy was given, before any of them starts (a
   * session records it as queued); optional. It may answer with a signal that
   * ends this one task (a session's cancel of a task still waiting its turn):
   * its tries then end `cancelled`, and one not started never starts.
   */
  queued?(spec: TaskSpec): AbortSignal | void;
  /** Told before another try of `spec` (a session records it); optional. */
  retrying?(spec: TaskSpec, notice: RetryNotice): void;
  /**
   * Told after a task's last try (runTask and the strategies call it); resolves
   * with the result to hand back. A session's executor releases the task's
   * worktree here and adds its artifacts. Optional.
   */
  settled?(spec: TaskSpec, result: ProcessResult, options?: SettleOptions): Promise<ProcessResult>;
  /** Where task logs go when the caller names no `logDir` (a session's processes folder). */
  readonly logDir?: string;
  /**
   * Start no task until `until`, wherever this executor runs them (the
   * account's rate limit refused a call); optional. A queue executor pauses
   * the queue for every worker, so one account's limit holds across machines.
   */
  holdStarts?(until: Date): Promise<void>;
}
