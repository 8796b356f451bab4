/**
 * One agent process: the agent-neutral lifecycle under ClaudeProcess and its
 * siblings. `run()` resolves with a ProcessResult for every outcome of the
 * process itself and rejects only for misuse (running twice) or a broken log.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Logger, LogLevel } from '../logging/logger.js';
import { consoleLogger } from '../logging/logger.js';
import type { AgentDriver } from './agent-driver.js';
import { notStartedResult } from './build-result.js';
import { endingMessage } from './ending-message.js';
import { IsolatedEmitter, listenerName } from './isolated-emitter.js';
import type { AgentProcessEvents, ProcessState } from './process-events.js';
import {
  notStartedMessage,
  startLimits,
  withListenerError,
  withLostFiles,
  withoutCostBase,
} from './run-messages.js';
import { makeDirectory } from './make-directory.js';
import { normalizeOptions, type AgentProcessOptions, type NormalizedOptions } from './options.js';
import { EventLog } from './output/event-log.js';
import { ProcessLog } from './output/process-log.js';
import type { EndReason, NotStarted, ProcessResult } from './result.js';
import { abortReason, ChildRun, type StderrRecord } from './run-child.js';
import { spawnChild, spawnErrorMessage } from './spawn/spawn-child.js';
import { paced } from './spawn/spawn-pacer.js';
import { argumentProblem } from './spawn/spawn-diagnosis.js';
import { inSlot, type StartSlot } from './start-slot.js';

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
  private readonly eventsFile: string;
  /** `<base>.stderr.log`: stderr as it arrives (created on its first byte). */
  private readonly stderrFile: string;
  private readonly logger: Logger;
  private status: ProcessState = 'pending';
  private early: EndReason | null = null;
  private notStarted: NotStarted | null = null;
  /** Arguments added after construction (a session's per-process budget); clones keep them. */
  private addedArgs: string[] = [];
  private current: ChildRun | null = null;
  /** What each run waits for before it starts (a session's limiter); clones keep it. */
  private slot: StartSlot | null = null;
  /** Aborted by a cancel while the run waits for its slot. */
  private waiting: AbortController | null = null;
  /** The first error thrown by a listener or the logger during this run, in words. */
  private listenerError: string | null = null;

  constructor(
    readonly driver: AgentDriver,
    private readonly rawOptions: AgentProcessOptions,
  ) {
    super();
    this.options = normalizeOptions(rawOptions);
    this.processId = this.options.processId;
    this.prompt = this.options.prompt;
    try {
      makeDirectory(this.options.logDir);
    } catch (error) {
      throw new Error(
        `Cannot create \`logDir\` ${this.options.logDir}: ${(error as Error).message}`,
      );
    }
    this.attempt = this.options.attempt;
    this.costBaseUsd = this.options.costBaseUsd;
    const base = this.attempt === 1 ? this.processId : `${this.processId}.attempt-${this.attempt}`;
    this.logFile = join(this.options.logDir, `${base}.log`);
    this.eventsFile = join(this.options.logDir, `${base}.jsonl`);
    this.stderrFile = join(this.options.logDir, `${base}.stderr.log`);
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
    for (const name of this.eventNames()) {
      for (const raw of this.rawListeners(name)) {
        // A once() listener comes back wrapped; it stays a once() listener on the copy.
        const original = (raw as { listener?: (...args: unknown[]) => void }).listener;
        const event = name as keyof AgentProcessEvents;
        if (original) copy.once(event, original);
        else copy.on(event, raw as (...args: unknown[]) => void);
      }
    }
    return copy;
  }

  /**
   * A listener (`event`) or the logger (null) threw: the run ends, its tree is
   * killed, and its result names the error; the host never sees the throw.
   */
  protected listenerThrew(event: string | null, error: unknown): void {
    const who = event === null ? 'the logger' : listenerName(event);
    const message = `${who} threw: ${error instanceof Error ? error.message : String(error)}`;
    // To the logger alone: the 'log' event may be the channel that failed.
    if (event !== null) this.sayQuietly('ERROR', message);
    // An 'end' listener runs after the result is made: it never changes it.
    if (this.status === 'ended' || event === 'end') return;
    this.listenerError ??= message;
    const reason: EndReason = { kind: 'error', message };
    if (this.current) this.current.end(reason);
    else if (this.status === 'running' && !this.early) this.early = reason;
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
      const waiting = (this.waiting = new AbortController());
      if (this.early) waiting.abort();
      const start = () => {
        this.waiting = null;
        return this.execute();
      };
      return await inSlot(this.slot, start, waiting, this.options.signal);
    } finally {
      this.waiting = null;
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
    if (this.current) this.current.end(reason);
    // Pending, or running but still spawning: the reason is applied once the child exists.
    else if (this.status !== 'ended' && !this.early) this.early = reason;
    // Waiting for its slot: it goes through at once, to end unstarted.
    this.waiting?.abort();
  }

  private async execute(): Promise<ProcessResult> {
    const options = this.options;
    // Both are set again at the spawn: a wait for its turn (see spawn-pacer.ts) is not run time.
    let started = performance.now();
    let startedAt = new Date();
    const cancelledEarly =
      this.early ??
      (options.signal?.aborted
        ? { kind: 'cancel' as const, reason: abortReason(options.signal) }
        : null);
    const command = options.command ?? this.driver.defaultCommand(options.env);
    const invocation = this.driver.invocation(this.prompt, command, [
      ...options.extraArgs,
      ...this.addedArgs,
    ]);
    const commandLine = [invocation.command, ...invocation.displayArgs].join(' ');
    // Opened after the spawn: its (asynchronous) open overlaps the child's start.
    const openLog = () => {
      const log = new ProcessLog(this.logFile);
      log.writeHeader({
        processId: this.processId,
        startedAt,
        commandLine,
        workingDir: options.workingDir,
        prompt: this.prompt,
      });
      return log;
    };
    if (this.notStarted !== null) {
      const { status, message } = this.notStarted;
      return this.finish(openLog(), notStartedResult(this, status, message));
    }
    const notStarted = (reason: EndReason) =>
      this.finish(openLog(), notStartedResult(this, 'cancelled', notStartedMessage(reason)));
    if (cancelledEarly) return notStarted(cancelledEarly);
    this.say('INFO', `Starting ${this.driver.name}${startLimits(options)}: ${commandLine}`);
    // A NUL byte or an argument too long for argv is refused here, in words, before any spawn.
    const unpassable = argumentProblem(invocation.args, this.prompt);
    // Spawns are paced (see spawn-pacer.ts); one cancelled while it waited is never made.
    const spawned = unpassable
      ? { ok: false as const, error: unpassable }
      : await paced(() => {
          started = performance.now();
          startedAt = new Date();
          if (!this.early && options.signal?.aborted)
            this.early = { kind: 'cancel', reason: abortReason(options.signal) };
          return this.early && this.early.kind !== 'error' ? null : spawnChild(invocation, options);
        });
    if (spawned === null) return notStarted(this.early!);
    if (!spawned.ok) {
      const message = spawnErrorMessage(
        invocation.command,
        spawned.error,
        this.driver.installHint,
        {
          cwd: options.workingDir,
          path: options.env.PATH ?? process.env.PATH ?? '',
        },
      );
      return this.finish(
        openLog(),
        notStartedResult(this, 'spawn_error', message, performance.now() - started),
      );
    }
    const log = openLog();
    const events = new EventLog(this.eventsFile);
    const run = new ChildRun(spawned.child, options, {
      // A copy, only when someone listens: stdout chunks live in a reused buffer.
      chunk: (chunk, stream) => {
        if (this.listenerCount('output') > 0) this.emit('output', Buffer.from(chunk), stream);
      },
      event: (event, raw) => {
        events.write(raw);
        this.emit('agent-event', event);
      },
      ending: (reason) => this.say('WARNING', endingMessage(reason, options.killGraceMs)),
      swept: (count) =>
        this.say('WARNING', `Exited but left ${count} descendant process(es) running; ended them`),
      survived: (pids) =>
        this.say(
          'ERROR',
          `Still alive after SIGKILL: ${pids.length === 1 ? 'pid' : 'pids'} ${pids.join(', ')}; they are not ours to end any more`,
        ),
    });
    this.current = run;
    // A listener that throws ends the run (see emit): the tree is killed, the result says why.
    this.emit('start', {
      processId: this.processId,
      pid: spawned.child.pid,
      command: invocation.command,
      args: invocation.displayArgs,
      startedAt,
    });
    if (this.early) run.end(this.early);
    const outcome = await run.wait(this.driver, log, started, this.stderrFile);
    this.current = null;
    events.close();
    if (events.error)
      this.say('ERROR', `Could not write the events ${events.path}: ${events.error.message}`);
    const { stderr, droppedLines } = outcome;
    if (stderr.error)
      this.say('ERROR', `Could not write stderr to ${stderr.file}: ${stderr.error.message}`);
    if (droppedLines > 0)
      this.say(
        'WARNING',
        `Dropped ${droppedLines} line(s) of mirrored output: the console read slower than the agent wrote (the log has every line)`,
      );
    await log.ready;
    const lost = [
      log.openError && `could not open its log ${log.path}: ${log.openError.message}`,
      events.error && `could not write its events ${events.path}: ${events.error.message}`,
    ].filter((text): text is string => typeof text === 'string');
    const result = withoutCostBase(outcome.result, this.costBaseUsd);
    return this.finish(log, lost.length > 0 ? withLostFiles(result, lost) : result, stderr);
  }

  private async finish(log: ProcessLog, ended: ProcessResult, stderr?: StderrRecord) {
    const result = withListenerError(ended, this.listenerError);
    await log.close(
      result,
      stderr?.head ?? Buffer.alloc(0),
      stderr?.truncated ?? false,
      stderr?.file ?? null,
    );
    if (log.error) this.say('ERROR', `Could not write the log ${log.path}: ${log.error.message}`);
    const level =
      result.status === 'succeeded' ? 'INFO' : result.status === 'cancelled' ? 'WARNING' : 'ERROR';
    this.say(level, `Completed: ${result.message} (exit code ${result.exitCode})`);
    this.emit('end', result);
    return result;
  }
}
