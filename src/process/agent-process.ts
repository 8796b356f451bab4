/**
 * One agent process: the agent-neutral lifecycle under ClaudeProcess and its
 * siblings. `run()` resolves with a ProcessResult for every outcome of the
 * process itself and rejects only for misuse (running twice) or a broken log.
 */
import type { Logger, LogLevel } from '../logging/logger.js';
import { consoleLogger } from '../logging/logger.js';
import type { AgentDriver } from './agent-driver.js';
import { runAttempt } from './attempt.js';
import { IsolatedEmitter, listenerFailure } from './isolated-emitter.js';
import type { ProcessState } from './process-events.js';
import { processFiles, type ProcessFiles } from './process-files.js';
import { normalizeOptions, type AgentProcessOptions, type NormalizedOptions } from './options.js';
import type { EndReason, NotStarted, ProcessResult } from './result.js';
import { RunEnding } from './run-ending.js';
import type { StartSlot } from './start-slot.js';

export type {
  AgentProcessEvents,
  ProcessStartInfo,
  ProcessState,
  RetryInfo,
} from './process-events.js';

export class AgentProcess extends IsolatedEmitter {
  readonly processId: string;
  readonly logFile: string;
  /** Which try this is: 1, or more for a retry's clone. */
  readonly attempt: number;
  /** What its conversation cost before this try (`costBaseUsd`): reported costs are less this. */
  readonly costBaseUsd: number;
  /** The prompt; strategies may change it before the process starts. */
  prompt: string;
  private readonly options: NormalizedOptions;
  private readonly files: ProcessFiles;
  private readonly logger: Logger;
  private status: ProcessState = 'pending';
  private notStarted: NotStarted | null = null;
  /** Arguments added after construction (a session's per-process budget); clones keep them. */
  private addedArgs: string[] = [];
  /** What each run waits for before it starts (a session's limiter); clones keep it. */
  private slot: StartSlot | null = null;
  private readonly ending = new RunEnding();

  constructor(
    readonly driver: AgentDriver,
    private readonly rawOptions: AgentProcessOptions,
  ) {
    super();
    this.options = normalizeOptions(rawOptions);
    this.processId = this.options.processId;
    this.prompt = this.options.prompt;
    this.attempt = this.options.attempt;
    this.costBaseUsd = this.options.costBaseUsd;
    // Creates the log folder: a `logDir` that cannot be made throws here, naming it.
    this.files = processFiles(this.options.logDir, this.processId, this.attempt);
    this.logFile = this.files.log;
    this.logger = this.options.logger ?? consoleLogger;
  }

  get state(): ProcessState {
    return this.status;
  }

  /** The agent's name, as results and records show it. */
  get agent(): string {
    return this.driver.name;
  }

  get workingDir(): string {
    return this.options.workingDir;
  }

  /**
   * A fresh, unstarted copy with the same options and the same listeners (so a
   * session that watches this process also watches its retries), with overrides.
   */
  clone(overrides: Partial<AgentProcessOptions> = {}): AgentProcess {
    return this.copyListenersTo(
      new AgentProcess(this.driver, { ...this.rawOptions, prompt: this.prompt, ...overrides }),
    );
  }

  /** Adds arguments for the agent, after the caller's, before it starts (its clones keep them). */
  addArgs(args: string[]): void {
    if (this.status !== 'pending')
      throw new Error(`Process ${this.processId} has started; arguments can only be added before.`);
    this.addedArgs = [...this.addedArgs, ...args];
  }

  /**
   * Each run of this process, and of its clones, first waits for `slot` (a
   * session's limiter) and holds it until the run has ended.
   */
  holdStartsTo(slot: StartSlot): void {
    this.slot = slot;
  }

  protected copyListenersTo<T extends AgentProcess>(copy: T): T {
    copy.addedArgs = [...this.addedArgs];
    copy.slot = this.slot;
    this.copyListenersOnto(copy);
    return copy;
  }

  /**
   * A listener (`event`) or the logger (null) threw: the run ends, its tree is
   * killed, and its result names the error; the host never sees the throw.
   */
  protected listenerThrew(event: string | null, error: unknown): void {
    const message = listenerFailure(event, error);
    // To the logger alone: the 'log' event may be the channel that failed.
    if (event !== null) this.sayQuietly('ERROR', message);
    // An 'end' listener runs after the result is made: it never changes it.
    if (this.status === 'ended' || event === 'end') return;
    this.ending.listenerFailed(message, this.status === 'running');
  }

  /** To the logger only, and never throws. */
  private sayQuietly(level: LogLevel, message: string): void {
    try {
      this.logger.log(level, this.processId, message);
    } catch {
      // The logger is broken too; the result still carries the message.
    }
  }

  /** Cancels: a running tree ends ('cancelled'); a pending process never starts. */
  cancel(reason?: string): void {
    this.endWith({ kind: 'cancel', reason });
  }

  /** Ends the process as failed, for a reason of ours (over its budget): `message` says why. */
  fail(message: string): void {
    this.endWith({ kind: 'error', message });
  }

  /**
   * Marks a pending process not to start: run() resolves with `status`
   * ('skipped': a spent budget; 'failed': held by the rate limit past --max-wait) and `message`.
   */
  skip(message: string, status: NotStarted['status'] = 'skipped'): void {
    if (this.status === 'pending') this.notStarted = { status, message };
  }

  /** Ends the process early, as the original's terminate(); the result is 'cancelled'. */
  terminate(): void {
    this.endWith({ kind: 'terminate' });
  }

  async run(): Promise<ProcessResult> {
    if (this.status !== 'pending') {
      throw new Error(
        `Process ${this.processId} has already run; a process object runs once. Use clone() for another run.`,
      );
    }
    this.status = 'running';
    try {
      // A run not started (skipped, or failed past --max-wait) starts nothing: it needs no slot.
      if (!this.slot || this.notStarted !== null) return await this.execute();
      return await this.ending.inSlot(this.slot, () => this.execute(), this.options.signal);
    } finally {
      this.status = 'ended';
    }
  }

  protected say(level: LogLevel, message: string): void {
    try {
      this.logger.log(level, this.processId, message);
    } catch (error) {
      this.listenerThrew(null, error);
    }
    this.emit('log', level, message);
  }

  private endWith(reason: EndReason): void {
    this.ending.end(reason, this.status === 'ended');
  }

  private execute(): Promise<ProcessResult> {
    return runAttempt({
      process: this,
      driver: this.driver,
      options: this.options,
      args: [...this.options.extraArgs, ...this.addedArgs],
      files: this.files,
      notStarted: this.notStarted,
      early: () => this.ending.early,
      endEarly: (reason) => {
        this.ending.early ??= reason;
      },
      attach: (run) => {
        this.ending.current = run;
      },
      listenerError: () => this.ending.listenerError,
      say: (level, message) => this.say(level, message),
    });
  }
}
