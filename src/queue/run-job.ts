/**
 * One job on a worker: checks the job's data as remote input, runs the spec on
 * this machine's LocalExecutor (the same reaper, limits and logs as a local
 * run) and sends its events and its agent's output back as coalesced progress
 * updates, numbered so the submitter can tell one went missing. Resolves with
 * the job's return value; an abort of `signal` cancels the agent's tree.
 */
import { join } from 'node:path';
import type { Logger } from '../logging/logger.js';
import { pauseCounter } from '../metrics/pause-counter.js';
import type { TaskMetrics } from '../metrics/task-metrics.js';
import { processIdProblem } from '../process/process-id.js';
import { localExecutor } from '../tasks/local-executor.js';
import { parseTaskSpec } from '../tasks/parse-task-spec.js';
import { specDriver } from '../tasks/spec-driver.js';
import { EventBatcher } from './event-batcher.js';
import { coalesceOutput, OutputSender } from './output-sender.js';
import { queuedTask } from './unrun-result.js';
import {
  envFromWire,
  toWire,
  type JobData,
  type JobReturn,
  type RunBatch,
  type WireEvent,
} from './job-protocol.js';

export interface JobContext {
  jobId: string;
  data: unknown;
  /** Identifies this run of the job (BullMQ's lock token). */
  run: string;
  worker: string;
  logDir: string;
  signal: AbortSignal;
  logger: Logger;
  sendProgress(batch: RunBatch): Promise<void>;
  metrics?: TaskMetrics;
}

/** The job's data, checked; throws naming what is wrong (the job then fails, never retried). */
export function parseJobData(data: unknown): JobData {
  const value = (data ?? {}) as Partial<JobData>;
  const spec = parseTaskSpec(value.spec);
  for (const field of ['sessionId', 'processId'] as const) {
    const problem = processIdProblem(value[field]);
    if (problem) throw new TypeError(`The job's \`${field}\` ${problem}`);
  }
  if (!Number.isSafeInteger(value.attempt) || (value.attempt as number) < 1) {
    throw new TypeError(
      `The job's \`attempt\` must be a positive integer, got ${String(value.attempt)}`,
    );
  }
  return { ...(value as JobData), spec };
}

/** Output queued or in flight per job, past which more is dropped (and counted) until Redis catches up. */
const OUTPUT_LIMIT_BYTES = 4 * 1024 * 1024;

export async function runJob(context: JobContext): Promise<JobReturn> {
  const data = parseJobData(context.data);
  const { run, worker, logger, jobId } = context;
  let updates = 0;
  const batcher = new EventBatcher<WireEvent>(
    (events) =>
      context.sendProgress({ run, worker, seq: ++updates, events: coalesceOutput(events) }),
    (error, dropped) =>
      logger.log('WARNING', jobId, `Could not send ${dropped} event(s) back: ${error.message}`),
    100,
    OUTPUT_LIMIT_BYTES,
  );
  const output = new OutputSender(batcher, data.spec.id);
  const { agent } = queuedTask(data.spec, data.processId);
  const { metrics } = context;
  const pauses = metrics ? pauseCounter(specDriver(data.spec), metrics) : null;
  let started = false;
  logger.log(
    'INFO',
    jobId,
    `Running ${data.spec.agent} task ${data.processId} (try ${data.attempt})`,
  );
  const process = localExecutor.createProcess(data.spec, {
    logDir: join(context.logDir, data.sessionId),
    processId: data.processId,
    attempt: data.attempt,
    env: envFromWire(data.env),
    signal: context.signal,
    logger,
    onEvent: (event) => {
      if (event.kind === 'start') {
        started = true;
        metrics?.started(agent);
      }
      if (event.kind === 'agent-event') pauses?.(event.event);
      // The end goes out after the last of the output.
      if (event.kind === 'end') output.end(process.logFile);
      batcher.add(toWire(event));
    },
  });
  process.on('output', (chunk, stream) => output.push(chunk, stream));
  const result = await process.run();
  metrics?.ended(result, started);
  await batcher.close();
  logger.log('INFO', jobId, `Finished: ${result.message}`);
  return { run, worker, result, updates };
}
