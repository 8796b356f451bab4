/**
 * A session's executor: runs TaskSpecs on this machine as processes of the
 * session. Each task is recorded as data before its first try (a 'task'
 * record, secrets in `env` redacted), runs in the session's folders with its
 * ORCHESTRATE_* variables, and is recorded try by try like any process of the
 * session. Every try, whoever asks for it (a strategy, a pattern, runTask),
 * starts through `start()`: the one place that waits for the session's limiter.
 * A task with `workspace: 'worktree'` runs in a worktree of its own, leased at
 * its first try and released when it settles (see task-worktrees.ts).
 */
import type { EventDraft } from '../events/types.js';
import { silentLogger } from '../logging/logger.js';
import type { AgentDriver } from '../process/agent-driver.js';
import type { AgentProcess } from '../process/agent-process.js';
import type { ProcessResult } from '../process/result.js';
import type { Limiter } from '../strategies/limiter.js';
import { runOnce } from '../strategies/run-once.js';
import type { ExecuteOptions, Executor, RetryNotice, SettleOptions } from '../tasks/executor.js';
import { localExecutor } from '../tasks/local-executor.js';
import { promptWithSchema } from '../tasks/output-schema.js';
import { checkedTaskSpec, parseTaskSpec } from '../tasks/parse-task-spec.js';
import { redactSpec } from '../tasks/redact.js';
import type { TaskSpec } from '../tasks/task-spec.js';
import { worktreeRequest } from '../tasks/workspace.js';
import { BackendTries } from './backend-tries.js';
import type { TaskDefaults } from './options.js';
import type { ResumedTasks } from './resumed-tasks.js';
import { TaskWorktrees, type WorktreeParts } from './task-worktrees.js';

/** What the executor needs of its session. */
export interface SessionParts extends WorktreeParts {
  readonly sessionId: string;
  readonly workingDir: string;
  /** Where tries run when not on this machine (a queue executor); null: here. */
  readonly backend: Executor | null;
  /** Claims a task's id for a try run by the backend (it has no local process to track). */
  declare(processId: string): void;
  readonly processLogDir: string;
  readonly limiter: Limiter;
  /** Claims the id and records the process's tries (the session's `track`). */
  track(process: AgentProcess): AgentProcess;
  /** Appends a record to the session. */
  record(draft: EventDraft): void;
  /** An agent event of a try run elsewhere, for the session's gate (rate limits, cost). */
  readEvent(
    processId: string,
    driver: AgentDriver,
    event: Record<string, unknown>,
    fail: (reason: string) => void,
  ): void;
  /**
   * The arguments that make a try's agent keep to the per-process budget itself
   * (claude's --max-budget-usd); when there are some, the gate leaves it to the agent.
   */
  budgetArgs(processId: string, driver: AgentDriver): string[];
  /** The ORCHESTRATE_* variables of a new task. */
  identity(processId: string): Record<string, string>;
  /** The session's process defaults that apply to tasks. */
  defaults: TaskDefaults;
}

export class SessionExecutor implements Executor {
  /** Each task's first try: later tries are its clones, so they keep its listeners and env. */
  private readonly firstTries = new Map<string, AgentProcess>();

  /** Tries sent to the session's backend, when it has one. */
  private readonly backend: BackendTries | null;

  /** The worktrees of the tasks that asked for one. */
  private readonly worktrees: TaskWorktrees;

  /** What cancels each task given to a strategy, until it settles (see `cancelTask`). */
  private readonly cancels = new Map<string, AbortController>();

  /** `resumed`: the tasks a resumed session runs again (their tries go on numbering). */
  constructor(
    private readonly session: SessionParts,
    private readonly resumed: ResumedTasks | null = null,
  ) {
    this.backend = session.backend ? new BackendTries(session, session.backend, resumed) : null;
    this.worktrees = new TaskWorktrees(session);
  }

  get logDir(): string {
    return this.session.processLogDir;
  }

  async run(spec: TaskSpec, options: ExecuteOptions): Promise<ProcessResult> {
    if (this.backend) {
      if (worktreeRequest(spec)) {
        throw new Error(
          `Task "${spec.id}" asks for workspace "worktree", which runs on this machine only: ` +
            'run it in a session without a backend, or drop its workspace.',
        );
      }
      return this.backend.run(spec, options);
    }
    const asked = options.attempt ?? 1;
    const attempt = this.attemptOf(spec.id, asked);
    // A first try that is not started (skipped, failed past --max-wait, cancelled) leases nothing.
    const folder =
      asked === 1 && !options.notStarted && !options.signal?.aborted
        ? await this.worktrees.folder(spec, this.resumed?.has(spec.id) ?? false)
        : null;
    const process =
      asked === 1 ? this.firstTry(spec, options, attempt, folder) : this.laterTry(spec, attempt);
    if (options.notStarted) {
      // Not started: no slot of the limiter to wait for.
      process.skip(options.notStarted.message, options.notStarted.status);
      return runOnce(process, null);
    }
    const result = await this.start(process, options.signal ?? null);
    this.resumed?.ended(spec.id, result);
    return result;
  }

  /** For a resumed session's log line: the conversations its tasks continue, or why not. */
  resumedWords(): string {
    return this.resumed?.describe() ?? '';
  }

  /** The attempt number of try `n` of this run (a resumed task's go on after its earlier tries). */
  private attemptOf(taskId: string, n: number): number {
    return this.resumed?.attempt(taskId, n) ?? n;
  }

  /**
   * A task given to a strategy, not started yet: a 'queued' record (the
   * dashboard shows it waiting), and the signal that `cancelTask` aborts.
   */
  queued(spec: TaskSpec): AbortSignal {
    this.session.record({
      kind: 'queued',
      processId: spec.id,
      agent: spec.agent,
      ...(spec.label === undefined ? {} : { label: spec.label }),
    });
    const cancel = new AbortController();
    this.cancels.set(spec.id, cancel);
    return cancel.signal;
  }

  /**
   * Cancels a task given to a strategy, whatever it is doing: one still
   * waiting its turn ends `cancelled` at once, without starting; a running
   * try ends, and no retry follows. False when there is no such task, or it
   * has settled (or was cancelled already).
   */
  cancelTask(taskId: string, reason: string): boolean {
    const cancel = this.cancels.get(taskId);
    if (!cancel || cancel.signal.aborted) return false;
    cancel.abort(new Error(reason));
    return true;
  }

  /** After a task's last try: its worktree (if it has one) is released and the artifacts join the result. */
  settled(spec: TaskSpec, result: ProcessResult, options?: SettleOptions): Promise<ProcessResult> {
    this.cancels.delete(spec.id);
    return this.worktrees.settle(spec, result, options);
  }

  retrying(spec: TaskSpec, notice: RetryNotice): void {
    this.session.record({
      kind: 'retry',
      processId: spec.id,
      attempt: this.attemptOf(spec.id, notice.attempt),
      delayMs: notice.delayMs,
      reason: notice.reason,
      previousStatus: notice.previous.status,
      previousApiErrorStatus: notice.previous.apiErrorStatus,
      ...(notice.rateLimited ? { rateLimited: true } : {}),
    });
  }

  /**
   * The start path of every try the session runs: it waits for a slot of the
   * session's limiter (a cancel while waiting ends it at once, unstarted),
   * then runs; the slot is held until the try has ended.
   */
  private start(process: AgentProcess, signal: AbortSignal | null): Promise<ProcessResult> {
    return this.session.limiter.run(() => runOnce(process, signal), signal);
  }

  /** `folder`: the task's folder in its worktree (null: its own `cwd`). */
  private firstTry(
    spec: TaskSpec,
    options: ExecuteOptions,
    attempt: number,
    folder: string | null,
  ): AgentProcess {
    const { session } = this;
    const checked =
      spec.cwd === undefined
        ? parseTaskSpec({ ...spec, cwd: session.workingDir })
        : checkedTaskSpec(spec);
    const { defaults } = session;
    // The spec is recorded as given; its process runs in the worktree.
    const { workspace, ...shared } = checked;
    const where = workspace === undefined ? checked : { ...shared, cwd: folder ?? checked.cwd! };
    const made = localExecutor.createProcess(where, {
      ...options,
      logDir: session.processLogDir,
      processId: checked.id,
      attempt,
      // The spec's own env outranks the session's defaults; the ORCHESTRATE_* variables outrank all.
      env: { ...defaults.env, ...checked.env, ...options.env, ...session.identity(checked.id) },
      streamOutput: options.streamOutput ?? defaults.streamOutput ?? false,
      logger: options.logger ?? silentLogger,
      ...((options.prices ?? defaults.prices)
        ? { prices: (options.prices ?? defaults.prices)! }
        : {}),
      ...((options.console ?? defaults.console)
        ? { console: (options.console ?? defaults.console)! }
        : {}),
    });
    // A resumed task continues its agent's conversation when it can.
    const continuation = this.resumed?.continuation(checked.id, made.driver) ?? null;
    const process = continuation ? made.clone(continuation) : made;
    session.track(process);
    // A resumed task's spec is recorded already.
    if (!this.resumed?.has(checked.id))
      session.record({ kind: 'task', processId: checked.id, spec: redactSpec(checked) });
    this.firstTries.set(checked.id, process);
    return process;
  }

  private laterTry(spec: TaskSpec, attempt: number): AgentProcess {
    const first = this.firstTries.get(spec.id);
    if (!first) {
      throw new Error(
        `Task "${spec.id}" asks for try ${attempt} before its first try ran in this session; run try 1 first.`,
      );
    }
    // A continued conversation has cost more by now: the next try is charged only what it adds.
    const continuation = this.resumed?.continuation(spec.id, first.driver);
    return first.clone({
      attempt,
      prompt: promptWithSchema(spec),
      ...(continuation ? { costBaseUsd: continuation.costBaseUsd } : {}),
    });
  }
}
