/**
 * A session's tries on its backend (a queue executor): each is recorded from
 * its events as a local try is from its process, under the same limiter, and
 * the session's gate reads its agent's events (rate-limit signals, cost), and
 * its agent is told the per-process budget (claude's --max-budget-usd); its
 * output is mirrored with --stream and copied to the session's process log. A
 * task keeps the ORCHESTRATE_* variables of its first try on every retry; a
 * try the budget skips is recorded without being sent; a backend that rejects
 * still leaves the try's end in the record, as a failed result. A resumed
 * task's tries go on numbering after its earlier ones; its conversation is not
 * continued (a worker, maybe on another machine, has no record of it).
 */
import { join } from 'node:path';
import { notStartedResult } from '../process/build-result.js';
import type { ProcessResult } from '../process/result.js';
import type { ExecuteOptions, Executor, TaskEvent } from '../tasks/executor.js';
import { parseTaskSpec } from '../tasks/parse-task-spec.js';
import { redactSpec } from '../tasks/redact.js';
import { specDriver } from '../tasks/spec-driver.js';
import type { TaskSpec } from '../tasks/task-spec.js';
import type { ResumedTasks } from './resumed-tasks.js';
import type { SessionParts } from './session-executor.js';
import { taskEventRecorder } from './task-recorder.js';

export class BackendTries {
  /** Each task's ORCHESTRATE_* variables, told at its first try. */
  private readonly identities = new Map<string, Record<string, string>>();

  constructor(
    private readonly session: SessionParts,
    private readonly backend: Executor,
    /** The tasks a resumed session runs again, or null. */
    private readonly resumed: ResumedTasks | null = null,
  ) {}

  /** One try of `spec` on the backend (or not started, when `options.notStarted` says so). */
  run(spec: TaskSpec, options: ExecuteOptions): Promise<ProcessResult> {
    const { session } = this;
    const checked = parseTaskSpec(spec);
    const asked = options.attempt ?? 1;
    const attempt = this.resumed?.attempt(checked.id, asked) ?? asked;
    if (asked === 1) {
      session.declare(checked.id);
      // A resumed task's spec is recorded already.
      if (!this.resumed?.has(checked.id))
        session.record({ kind: 'task', processId: checked.id, spec: redactSpec(checked) });
    }
    const driver = specDriver(checked);
    // The agent keeps to the per-process budget itself, as a local one does.
    const budgetArgs = session.budgetArgs(checked.id, driver);
    const logDir = options.logDir ?? session.processLogDir;
    const base = attempt === 1 ? checked.id : `${checked.id}.attempt-${attempt}`;
    // The backend keeps a copy of the remote try's log where a local try's would be.
    const logFile = join(logDir, `${base}.log`);
    const record = taskEventRecorder(checked, attempt, (draft) => session.record(draft), logFile);
    let final: ProcessResult | null = null;
    const end = (result: ProcessResult): ProcessResult => {
      final = result;
      record({ kind: 'end', taskId: checked.id, result });
      options.onEvent?.({ kind: 'end', taskId: checked.id, result });
      return result;
    };
    const who = { processId: checked.id, agent: driver.name, logFile: '' };
    const { notStarted } = options;
    if (notStarted)
      return Promise.resolve(end(notStartedResult(who, notStarted.status, notStarted.message)));
    // Over its own budget: the try is cancelled on its worker and its end says why.
    const overBudget = new AbortController();
    const signal = options.signal
      ? AbortSignal.any([options.signal, overBudget.signal])
      : overBudget.signal;
    const onEvent = (event: TaskEvent) => {
      if (event.kind === 'end') {
        const why = overBudget.signal.aborted ? String(overBudget.signal.reason) : null;
        end(why ? { ...event.result, status: 'failed', message: why } : event.result);
        return;
      }
      if (event.kind === 'agent-event')
        session.readEvent(checked.id, driver, event.event, (why) => overBudget.abort(why));
      record(event);
      options.onEvent?.(event);
    };
    const run = async () => {
      try {
        const result = await this.backend.run(withArgs(checked, budgetArgs), {
          ...options,
          signal,
          logDir,
          streamOutput: options.streamOutput ?? session.defaults.streamOutput ?? false,
          ...((options.console ?? session.defaults.console)
            ? { console: (options.console ?? session.defaults.console)! }
            : {}),
          processId: checked.id,
          attempt,
          sessionId: session.sessionId,
          env: {
            ...session.defaults.env,
            ...checked.env,
            ...options.env,
            ...this.identity(checked.id),
          },
          onEvent,
        });
        return final ?? end(result);
      } catch (error) {
        if (final) return final;
        const why = error instanceof Error ? error.message : String(error);
        return end(notStartedResult(who, 'failed', `the backend could not run it: ${why}`));
      }
    };
    return session.limiter.run(run, options.signal ?? null);
  }

  private identity(processId: string): Record<string, string> {
    let told = this.identities.get(processId);
    if (!told) this.identities.set(processId, (told = this.session.identity(processId)));
    return told;
  }
}

/** The spec its worker runs: the session's arguments after the spec's own. */
function withArgs(spec: TaskSpec, args: string[]): TaskSpec {
  return args.length === 0 ? spec : { ...spec, args: [...(spec.args ?? []), ...args] };
}
