/**
 * The submitter's view of one job: which run of it is current, which events
 * to pass on, and its one final result. Runs are told apart by their run id,
 * so when a worker is presumed dead (its job stalled, or Redis lost the job)
 * the next run's events take over, and a late word from the old run is
 * recorded as a duplicate attempt, never as a second result. A run's updates
 * are numbered: one whose number was seen already is dropped, so no event or
 * line of output is passed on twice.
 */
import type { ProcessResult } from '../process/result.js';
import type { ExecuteOptions, TaskEvent } from '../tasks/executor.js';
import type { ProcessStartInfo } from '../process/agent-process.js';
import { fromWire, type JobReturn, type OutputChunk, type RunBatch } from './job-protocol.js';
import { unrunResult, type QueuedTask } from './unrun-result.js';

/** Where the current run's output goes (the submitter's copy of its log, and its console). */
export interface RunOutput {
  start(info: ProcessStartInfo): void;
  write(chunk: OutputChunk): void;
  /** The run ended: its last lines are flushed; says how many of them the console missed. */
  end(): number;
}

export class JobTracker {
  /** The run whose events are passed on; null until one starts (again). */
  private current: string | null = null;
  /** The last update of the current run seen (its `seq`). */
  private lastSeq = 0;
  private readonly superseded = new Set<string>();
  private settled = false;
  private resolve!: (result: ProcessResult) => void;
  readonly result: Promise<ProcessResult>;

  constructor(
    readonly jobId: string,
    readonly taskId: string,
    private readonly task: QueuedTask,
    private readonly onEvent: ExecuteOptions['onEvent'],
    private readonly output: RunOutput | null = null,
  ) {
    this.result = new Promise((resolve) => (this.resolve = resolve));
  }

  get done(): boolean {
    return this.settled;
  }

  /** A progress update from a worker. */
  progress(batch: RunBatch): void {
    if (this.settled || this.superseded.has(batch.run)) return this.late(batch);
    if (batch.run !== this.current) {
      // A run's first update holds its start: a new run takes over from one presumed lost.
      if (!batch.events.some((event) => event.kind === 'start')) return;
      if (this.current !== null) this.supersede(this.current);
      this.current = batch.run;
      this.lastSeq = 0;
    }
    if (batch.seq !== undefined) {
      // An update seen already (delivered twice, or late behind a later one) is passed on once.
      if (batch.seq <= this.lastSeq) return;
      const missed = batch.seq - this.lastSeq - 1;
      if (missed > 0)
        this.say(
          'WARNING',
          `${missed} update(s) from ${batch.worker} never arrived (the submitter fell behind the queue's event history): their events and output are missing here, the worker's log has them`,
        );
      this.lastSeq = Math.max(this.lastSeq, batch.seq);
    }
    for (const event of batch.events) {
      if (event.kind === 'output') this.output?.write(event);
      // The end is the job's return value, passed on once, in settle().
      else if (event.kind !== 'end') {
        const taskEvent = fromWire(event);
        if (taskEvent.kind === 'start') this.output?.start(taskEvent.info);
        this.emit(taskEvent);
      }
    }
  }

  /** Updates the run that returned `value` sent that have not reached us (yet). */
  unseenUpdates(value: Pick<JobReturn, 'run' | 'updates'>): number {
    if (value.updates === undefined) return 0;
    return value.updates - (value.run === this.current ? this.lastSeq : 0);
  }

  /** The current run is presumed lost (the job stalled or vanished): the next start takes over. */
  lost(why: string): void {
    if (this.settled) return;
    this.say('WARNING', why);
    if (this.current !== null) this.supersede(this.current);
    this.current = null;
  }

  /** The job's final result; the first one wins, any later one is a duplicate attempt. */
  settle(result: ProcessResult, from?: Pick<JobReturn, 'worker' | 'run' | 'updates'>): void {
    if (this.settled) {
      this.say(
        'WARNING',
        `Duplicate attempt${from ? ` on ${from.worker}` : ''} ignored: ${result.message}`,
      );
      return;
    }
    const unseen = from ? this.unseenUpdates(from) : 0;
    if (unseen > 0)
      this.say(
        'WARNING',
        `${unseen} update(s) from ${from!.worker} never arrived: their events and output are missing here, the worker's log has them`,
      );
    this.settled = true;
    const droppedLines = this.output?.end() ?? 0;
    if (droppedLines > 0)
      this.say(
        'WARNING',
        `Dropped ${droppedLines} line(s) of mirrored output: the console read slower than the agent wrote (the log has every line)`,
      );
    this.emit({ kind: 'end', taskId: this.taskId, result });
    this.resolve(result);
  }

  /** Settles with a result of a task no worker ran to its end. */
  unrun(status: 'cancelled' | 'failed', message: string): ProcessResult {
    const result = unrunResult(this.task, status, message);
    this.settle(result);
    return result;
  }

  say(level: 'INFO' | 'WARNING' | 'ERROR', message: string): void {
    this.emit({ kind: 'log', taskId: this.taskId, level, message });
  }

  private supersede(run: string): void {
    this.superseded.add(run);
  }

  private late(batch: RunBatch): void {
    const end = batch.events.find((event) => event.kind === 'end');
    if (end && end.kind === 'end') {
      this.say(
        'WARNING',
        `Duplicate attempt: ${batch.worker}, presumed dead, finished its run late (${end.result.message}); not recorded as the result`,
      );
    }
  }

  private emit(event: TaskEvent): void {
    try {
      this.onEvent?.(event);
    } catch {
      // A throwing listener must not cost the task its result.
    }
  }
}
