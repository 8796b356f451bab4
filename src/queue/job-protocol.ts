/**
 * What travels through Redis between a submitter (BullMQExecutor) and a
 * worker, as plain JSON: the job's data (a TaskSpec and how to run this try),
 * the progress batches (the try's TaskEvents, coalesced), and the return value
 * (the ProcessResult). A run id tells the runs of one job apart, so a late
 * report from a worker presumed dead is never taken for the current run's.
 */
import type { ProcessStartInfo } from '../process/agent-process.js';
import type { ProcessResult } from '../process/result.js';
import type { TaskEvent } from '../tasks/executor.js';
import type { TaskSpec } from '../tasks/task-spec.js';

/** The queue orchestrate uses unless told otherwise. */
export const DEFAULT_QUEUE = 'orchestrate';

export interface JobData {
  spec: TaskSpec;
  /** Names the worker's log folder for it: `<log-dir>/<sessionId>/`. */
  sessionId: string;
  processId: string;
  attempt: number;
  /** Added to the spec's env on the worker; null removes a variable (JSON has no undefined). */
  env?: Record<string, string | null>;
}

/** What the agent wrote on one of its streams, as UTF-8 text (a character is never split). */
export interface OutputChunk {
  kind: 'output';
  stream: 'stdout' | 'stderr';
  text: string;
}

/** A TaskEvent as JSON carries it (the start's date is an ISO string), or the agent's output. */
export type WireEvent =
  | Exclude<TaskEvent, { kind: 'start' }>
  | {
      kind: 'start';
      taskId: string;
      info: Omit<ProcessStartInfo, 'startedAt'> & { startedAt: string };
    }
  | OutputChunk;

/** One progress update: events of one run of the job, in order. */
export interface RunBatch {
  run: string;
  worker: string;
  /** 1 for the run's first update, then 2, 3, ...: a gap is an update the submitter never saw. */
  seq?: number;
  events: WireEvent[];
}

/** The job's return value. */
export interface JobReturn {
  run: string;
  worker: string;
  result: ProcessResult;
  /** How many progress updates the run sent before it returned. */
  updates?: number;
}

/** `session/process/attempt`, each part URI-encoded (BullMQ ids may not hold ':'). */
export function jobIdFor(sessionId: string, processId: string, attempt: number): string {
  return [sessionId, processId, String(attempt)].map(encodeURIComponent).join('/');
}

/** The pub/sub channel on which submitters ask workers to cancel a job (the message is its id). */
export function cancelChannel(queue: string): string {
  return `orchestrate:${queue}:cancel`;
}

/** A key marking a job cancelled, for a worker that takes it after the message went by. */
export function cancelKey(queue: string, jobId: string): string {
  return `orchestrate:${queue}:cancelled:${jobId}`;
}

export function toWire(event: TaskEvent): Exclude<WireEvent, OutputChunk> {
  if (event.kind !== 'start') return event;
  return { ...event, info: { ...event.info, startedAt: event.info.startedAt.toISOString() } };
}

export function fromWire(event: Exclude<WireEvent, OutputChunk>): TaskEvent {
  if (event.kind !== 'start') return event;
  return { ...event, info: { ...event.info, startedAt: new Date(event.info.startedAt) } };
}

/** ExecuteOptions' env as JSON carries it, and back. */
export function envToWire(
  env: Record<string, string | undefined> | undefined,
): Record<string, string | null> | undefined {
  return (
    env && Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value ?? null]))
  );
}

export function envFromWire(
  env: Record<string, string | null> | undefined,
): Record<string, string | undefined> | undefined {
  return (
    env &&
    Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value ?? undefined]))
  );
}
