/**
 * What a session runs, wired together: the one limiter, the tracker that
 * takes in every process, the maker of process objects, and the executor of
 * task specs. Each claims ids from the session's ProcessIds and records into
 * its records.
 */
import type { Budget } from '../budget/budget.js';
import type { EventDraft } from '../events/types.js';
import type { AgentProcess } from '../process/agent-process.js';
import { createLimiter, type Limiter } from '../strategies/limiter.js';
import { taskDefaults, type NormalizedSessionOptions } from './options.js';
import type { ProcessIds } from './process-ids.js';
import { ProcessMaker } from './process-maker.js';
import { perProcessBudgetArgs, ProcessTracker } from './process-tracker.js';
import type { ResumedTasks } from './resumed-tasks.js';
import { SessionExecutor } from './session-executor.js';
import type { SessionGate } from './session-gate.js';
import type { SessionRecords } from './session-records.js';
import type { WorktreeParts } from './task-worktrees.js';

export interface ProcessesParts extends Pick<
  WorktreeParts,
  'leaseWorktree' | 'releaseWorktree' | 'log'
> {
  sessionId: string;
  workingDir: string;
  processLogDir: string;
  options: NormalizedSessionOptions;
  ids: ProcessIds;
  records: SessionRecords;
  /** Throws when the session is closed or the id is taken. */
  assertUsable(processId: string): void;
  record(draft: EventDraft): void;
  /** The session's gate and budget (made after these parts, so asked for when needed). */
  limits(): { gate: SessionGate | null; budget: Budget | null };
  /** The tasks a resumed session runs again; null for a new session. */
  resumed: ResumedTasks | null;
}

export class SessionProcesses {
  /** `maxWorkers` runs at once across everything the session runs: tasks and process objects. */
  readonly limiter: Limiter;
  readonly tracker: ProcessTracker;
  readonly maker: ProcessMaker;
  readonly executor: SessionExecutor;

  constructor(parts: ProcessesParts) {
    const { sessionId, workingDir, processLogDir, options, ids, records } = parts;
    const claim = (id: string) => {
      ids.claim(id);
      records.builder.declare(id);
    };
    this.limiter = createLimiter(options.maxWorkers);
    this.tracker = new ProcessTracker({
      assertUsable: parts.assertUsable,
      claim,
      record: parts.record,
      limits: parts.limits,
    });
    this.maker = new ProcessMaker({
      sessionId,
      workingDir,
      processLogDir,
      options,
      freeId: (id) => {
        const free = id ?? ids.nextFree();
        parts.assertUsable(free);
        return free;
      },
      track: (process) => this.track(process),
    });
    this.executor = new SessionExecutor(
      {
        sessionId,
        workingDir,
        backend: options.backend,
        declare: (id) => {
          parts.assertUsable(id);
          claim(id);
        },
        processLogDir,
        limiter: this.limiter,
        track: (process) => this.tracker.track(process),
        record: parts.record,
        readEvent: (id, driver, event, fail) =>
          parts.limits().gate?.readEvent(id, driver, event, fail),
        budgetArgs: (id, driver) => {
          const { gate, budget } = parts.limits();
          const args = perProcessBudgetArgs(driver, budget);
          if (args.length > 0) gate?.selfEnforce(id);
          return args;
        },
        identity: (id) => this.maker.identity(id),
        leaseWorktree: parts.leaseWorktree,
        releaseWorktree: parts.releaseWorktree,
        log: parts.log,
        defaults: taskDefaults(options),
      },
      parts.resumed,
    );
  }

  /**
   * Takes in a process object (made by the session or elsewhere): tracked, and
   * each of its runs waits for a slot of the session's limiter. (The
   * executor's tries are tracked without one: the executor runs them in a slot.)
   */
  track<T extends AgentProcess>(process: T): T {
    this.tracker.track(process);
    const { limiter } = this;
    process.holdStartsTo((start, signal) => limiter.run(start, signal));
    return process;
  }
}
