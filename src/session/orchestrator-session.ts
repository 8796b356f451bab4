/**
 * OrchestratorSession: one run of a pattern, recorded in its own folder. It
 * makes processes with the session's defaults and records every run of every
 * process it made or tracks (retries included) as typed records: written to
 * events.jsonl, rendered to session.log and the logger, and emitted as
 * `'event'`, the one stream every view reads. close() writes summary.json.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { EventDraft, OrchestrateEvent, SessionStatus, StepInfo } from '../events/types.js';
import type { WorkspaceArtifacts } from '../process/result.js';
import type { ReleaseOptions, Worktree } from '../workspaces/worktree.js';
import type { LogLevel } from '../logging/logger.js';
import type { AgentDriver } from '../process/agent-driver.js';
import type { AgentProcess } from '../process/agent-process.js';
import type { AgentProcessOptions } from '../process/options.js';
import { sessionFile } from './files.js';
import { recordMetadata, sessionStartDraft, type SessionMetadata } from './metadata.js';
import type { VersionProbe } from './version-probe.js';
import {
  normalizeSessionOptions,
  type NormalizedSessionOptions,
  type OrchestratorSessionOptions,
  type SessionProcessOptions,
} from './options.js';
import type { Limiter } from '../strategies/limiter.js';
import type { SessionExecutor } from './session-executor.js';
import { SessionProcesses } from './session-processes.js';
import { ProcessIds } from './process-ids.js';
import { SessionRecords } from './session-records.js';
import { sessionPlace } from './session-dir.js';
import { writeSummaryFile } from './summary-file.js';
import type { SessionSummary } from './summary-types.js';
import { createSessionGate, holdBackendOnPause } from './limits.js';
import type { ResumePlan } from './resume-plan.js';
import { resumeOptions, type Reopening, type ResumeSessionOptions } from './resume-session.js';
import { reopenRecords, resumedTasks } from './reopen-folder.js';
import type { SessionGate } from './session-gate.js';
import { summaryText } from './summarize-text.js';
import { validateLevel } from './validate.js';
import { endRecords } from './close-session.js';
import {
  leaseSessionWorktree,
  releaseSessionWorktree,
  type SessionWorktreeOptions,
} from './session-worktrees.js';

export type { SessionWorktreeOptions } from './session-worktrees.js';

/** Finished processes whose summary entries stay in memory; older ones are settled to a file. */
const FINISHED_KEPT = 256;

export interface OrchestratorSessionEvents {
  event: [event: OrchestrateEvent];
}

export class OrchestratorSession extends EventEmitter<OrchestratorSessionEvents> {
  readonly sessionId: string;
  readonly sessionDir: string;
  readonly patternName: string;
  readonly workingDir: string;
  readonly model: string | null;
  readonly startedAt: Date;
  /** Where the processes' own logs go: `<sessionDir>/processes`. */
  readonly processLogDir: string;
  readonly metadata: SessionMetadata;
  private readonly options: NormalizedSessionOptions;
  private readonly records: SessionRecords;
  /** The summary close() made, kept: the builder's file is closed by then. */
  private final: SessionSummary | null = null;
  /** Asks the agent's --version when a process of that agent first starts. */
  private readonly versionProbe: VersionProbe;
  private readonly ids: ProcessIds;
  private readonly processes: SessionProcesses;
  /**
   * The one limiter under everything the session runs: tasks through
   * `executor` (strategies given specs, patterns) and the process objects it
   * made or tracks, however they are run: `maxWorkers` runs at once in all.
   */
  readonly limiter: Limiter;
  /** Runs TaskSpecs as processes of this session, recorded and under `limiter`. */
  readonly executor: SessionExecutor;
  /** Files of the session that could not be written, in words. */
  private readonly problems: string[] = [];
  private closing: Promise<SessionSummary> | null = null;
  /**
   * Admission and budget for the strategies this session runs: pass it as
   * their `gate` option (null without `admission` or `budget`; docs/limits.md).
   */
  readonly gate: SessionGate | null;

  /**
   * Opens a session folder again to run what did not succeed
   * (docs/limits.md#resume; resume-session.ts, reopen-folder.ts): the summary
   * keeps the tasks that succeeded; run `plan.tasks`' specs through `session.executor`.
   */
  static resume(
    sessionDir: string,
    options: ResumeSessionOptions = {},
  ): { session: OrchestratorSession; plan: ResumePlan } {
    const resumed = resumeOptions(sessionDir, options);
    const session = new OrchestratorSession(resumed.options, resumed.reopening);
    return { session, plan: resumed.reopening.plan };
  }

  constructor(options: OrchestratorSessionOptions, resumed?: Reopening) {
    super();
    this.options = normalizeSessionOptions(options);
    this.patternName = this.options.patternName;
    this.workingDir = this.options.workingDir;
    this.model = this.options.model;
    const plan = resumed?.plan;
    const place = sessionPlace(this.options.baseLogDir, this.patternName, plan?.start ?? null);
    const { sessionId, sessionDir } = place;
    ({ startedAt: this.startedAt, sessionId: this.sessionId, sessionDir: this.sessionDir } = place);
    this.processLogDir = place.processLogDir;
    this.ids = new ProcessIds(sessionId);
    this.records = new SessionRecords(
      sessionId,
      sessionDir,
      this.options.logger,
      (event) => {
        this.versionProbe.saw(event);
        this.emit('event', event);
      },
      (message) => this.problems.push(message),
      { keepFinished: FINISHED_KEPT, known: (processId) => this.ids.has(processId) },
    );
    let limits: ReturnType<typeof createSessionGate> = { gate: null, budget: null };
    this.processes = new SessionProcesses({
      sessionId,
      workingDir: this.workingDir,
      processLogDir: this.processLogDir,
      options: this.options,
      ids: this.ids,
      records: this.records,
      assertUsable: (id) => this.assertUsable(id),
      record: (draft) => this.record(draft),
      limits: () => limits,
      resumed: resumedTasks(resumed, options),
      leaseWorktree: (id, where) => this.leaseWorktree(id, where),
      releaseWorktree: (worktree, release) => this.releaseWorktree(worktree, release),
      log: (message, level) => this.log(message, level),
    });
    this.limiter = this.processes.limiter;
    this.executor = this.processes.executor;
    const { metadata, probe } = recordMetadata(
      {
        sessionId,
        sessionDir,
        startedAt: this.startedAt,
        ...(plan ? { resumedAt: new Date() } : {}),
      },
      this.options,
    );
    this.metadata = metadata;
    this.versionProbe = probe;
    if (plan) {
      const line = reopenRecords(plan, this.records, this.ids, sessionDir);
      this.log(`${line}${this.processes.executor.resumedWords()}`);
    } else this.record(sessionStartDraft(metadata));
    limits = createSessionGate(this.options.limits, (draft) => this.record(draft));
    this.gate = limits.gate;
    holdBackendOnPause(this.gate, this.options.backend, (draft) => this.record(draft));
  }

  /**
   * A process of the session's agent (claude unless `agent` says otherwise)
   * with the session's defaults (working dir, log dir, model,
   * `processDefaults`), recorded by the session. Ids default to process-001, process-002, ...
   * Each run (and retry) waits for a slot of the session's `limiter`.
   */
  createProcess(
    prompt: string,
    processId?: string,
    options: Partial<SessionProcessOptions> = {},
  ): AgentProcess {
    return this.processes.maker.createProcess(prompt, processId, options);
  }

  /**
   * Like createProcess, for any agent: an AgentProcess on `driver` (codex,
   * gemini, a registered agent) with the session's defaults, recorded by the
   * session. The session's `model` is the driver's business, so it is not passed.
   */
  createAgentProcess(
    driver: AgentDriver,
    prompt: string,
    processId?: string,
    options: Partial<AgentProcessOptions> = {},
  ): AgentProcess {
    return this.processes.maker.createDriverProcess(driver, prompt, processId, options);
  }

  /**
   * Records a process made elsewhere (a CommandProcess, say) like one from
   * createProcess; its runs, too, wait for a slot of the session's `limiter`.
   */
  track<T extends AgentProcess>(process: T): T {
    return this.processes.track(process);
  }

  /**
   * Cancels the current try of one process of the session: a running tree
   * ends `cancelled`; one still waiting for a slot of the `limiter` (or not run
   * yet) ends `cancelled` without starting, and so does a task of `executor`
   * still queued in its strategy (no try made yet). False when it has ended.
   */
  cancelProcess(processId: string, reason = 'cancelled'): boolean {
    const task = this.executor.cancelTask(processId, reason);
    return this.processes.tracker.cancel(processId, reason) || task;
  }

  getSessionLogPath(): string {
    return sessionFile(this.sessionDir, 'log');
  }

  getEventsPath(): string {
    return sessionFile(this.sessionDir, 'events');
  }

  getProcessLogPath(processId: string): string {
    return join(this.processLogDir, `${processId}.log`);
  }

  /**
   * Leases a git worktree for `processId` on branch `orchestrate/<session>/<process>`
   * from the session's working dir (see docs/worktrees.md). Release it with
   * `releaseWorktree()` so the artifacts are recorded.
   */
  leaseWorktree(processId: string, options: SessionWorktreeOptions = {}): Promise<Worktree> {
    this.assertUsable(processId);
    return leaseSessionWorktree(this, processId, options);
  }

  /** Releases a worktree leased here and records its artifacts (an 'artifacts' record). */
  releaseWorktree(worktree: Worktree, options: ReleaseOptions = {}): Promise<WorkspaceArtifacts> {
    return releaseSessionWorktree(worktree, options, (draft) => this.record(draft));
  }

  /** Records which step of a pattern a process runs (a 'step' record). */
  recordStep(processId: string, info: StepInfo): void {
    this.record({
      kind: 'step',
      processId,
      step: String(info.step),
      round: info.round ?? null,
      role: String(info.role),
    });
  }

  /** Records what a pattern decided (a 'verdict' record): the process it rests on, in words. */
  recordVerdict(chosen: string | null, message: string): void {
    this.record({ kind: 'verdict', chosen, message: String(message) });
  }

  /** Adds a line to session.log (and the logger, and the event stream as a 'log' record). */
  log(message: string, level: LogLevel = 'INFO'): void {
    this.record({
      kind: 'log',
      level: validateLevel(level),
      source: 'session',
      message: String(message),
    });
  }

  /**
   * The records a listener that arrives late needs to catch up, oldest first:
   * session-start, and the records of the processes still running (the latest
   * activity of each). Finished runs are not kept in memory; events.jsonl
   * (`getEventsPath()`, `readSession()`) has every record.
   */
  events(): readonly OrchestrateEvent[] {
    return this.records.live.list();
  }

  /** What could not be written to the session's folder (a full disk, a removed folder), in words. */
  writeProblems(): readonly string[] {
    return this.problems;
  }

  /** The summary as of now (status 'incomplete' until close()). */
  getSummary(): SessionSummary {
    return this.final ?? this.records.builder.summary();
  }

  /** The summary as human text, as the original's summarize(). */
  summarize(): string {
    return summaryText(this.getSummary());
  }

  /**
   * Ends the session: records 'session-end', flushes the files, writes
   * summary.json. The status defaults to 'cancelled' if any process was
   * cancelled, 'succeeded' if every process that ran succeeded, else 'failed'.
   * Calling it again returns the same summary.
   */
  close(status?: SessionStatus): Promise<SessionSummary> {
    if (this.closing) return this.closing;
    const { status: final, summary } = endRecords(this.records, status);
    // Kept: the builder's file is closed by now.
    this.final = summary;
    this.closing = writeSummaryFile({
      sessionDir: this.sessionDir,
      summary,
      versionProbe: this.versionProbe.finish(final === 'cancelled'),
      failed: (message) => {
        this.problems.push(message);
        this.options.logger.log('ERROR', 'session', message);
      },
    }).then(() => summary);
    return this.closing;
  }

  private record(draft: EventDraft): void {
    this.records.record(draft);
  }

  private assertUsable(processId: string): void {
    if (this.records.ended) {
      throw new Error(
        `Session ${this.sessionId} is closed; start a new session for more processes.`,
      );
    }
    this.ids.assertFree(processId);
  }
}
