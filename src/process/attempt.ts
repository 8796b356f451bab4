/**
 * One attempt of an AgentProcess, from its start line to its result: starts
 * the child (start-child.ts), runs it (run-child.ts), writes its log, events
 * and stderr as they come, and says what could not be written. A run that
 * never starts (skipped, cancelled early, a spawn error) still gets a log and
 * a result.
 */
import { performance } from 'node:perf_hooks';
import type { LogLevel } from '../logging/logger.js';
import type { AgentDriver } from './agent-driver.js';
import { notStartedResult } from './build-result.js';
import { endingMessage } from './ending-message.js';
import type { IsolatedEmitter } from './isolated-emitter.js';
import type { NormalizedOptions } from './options.js';
import type { ProcessFiles } from './process-files.js';
import { EventLog } from './output/event-log.js';
import { ProcessLog } from './output/process-log.js';
import type { EndReason, NotStarted, ProcessResult } from './result.js';
import { abortReason, ChildRun, type StderrRecord } from './run-child.js';
import {
  cgroupKeptMessage,
  cgroupProblemMessage,
  completedLevel,
  droppedLinesMessage,
  lostFiles,
  notStartedMessage,
  startLimits,
  survivorsMessage,
  sweptMessage,
  withListenerError,
  withLostFiles,
  withoutCostBase,
} from './run-messages.js';
import { startChild, type EarlyEnd, type StartTimes } from './start-child.js';

/** The process an attempt belongs to, as the attempt sees it. */
export interface AttemptHost extends EarlyEnd {
  /** The process itself: its identity for results, its events for listeners. */
  process: IsolatedEmitter & {
    readonly processId: string;
    readonly agent: string;
    readonly logFile: string;
    readonly prompt: string;
    readonly costBaseUsd: number;
  };
  driver: AgentDriver;
  options: NormalizedOptions;
  /** Arguments for the agent after the caller's. */
  args: string[];
  files: ProcessFiles;
  notStarted: NotStarted | null;
  /** The child's run while it runs (a cancel ends it), null after. */
  attach(run: ChildRun | null): void;
  /** The first error a listener or the logger threw, in words. */
  listenerError(): string | null;
  say(level: LogLevel, message: string): void;
}

export async function runAttempt(host: AttemptHost): Promise<ProcessResult> {
  const { process: agent, options, driver } = host;
  const command = options.command ?? driver.defaultCommand(options.env);
  const invocation = driver.invocation(agent.prompt, command, host.args);
  const commandLine = [invocation.command, ...invocation.displayArgs].join(' ');
  // Opened after the spawn: its (asynchronous) open overlaps the child's start.
  const openLog = (times: StartTimes) => {
    const log = new ProcessLog(agent.logFile);
    log.writeHeader({
      processId: agent.processId,
      startedAt: times.startedAt,
      commandLine,
      workingDir: options.workingDir,
      prompt: agent.prompt,
    });
    return log;
  };
  const now: StartTimes = { started: performance.now(), startedAt: new Date() };
  if (host.notStarted !== null) {
    const { status, message } = host.notStarted;
    return finish(host, openLog(now), notStartedResult(agent, status, message));
  }
  const notStarted = (times: StartTimes, reason: EndReason) =>
    finish(host, openLog(times), notStartedResult(agent, 'cancelled', notStartedMessage(reason)));
  const cancelledEarly =
    host.early() ??
    (options.signal?.aborted
      ? { kind: 'cancel' as const, reason: abortReason(options.signal) }
      : null);
  if (cancelledEarly) return notStarted(now, cancelledEarly);
  host.say('INFO', `Starting ${driver.name}${startLimits(options)}: ${commandLine}`);
  const start = await startChild(driver, invocation, agent.prompt, options, host);
  if (start.kind === 'cancelled') return notStarted(start, start.reason);
  if (start.kind === 'failed') {
    const result = notStartedResult(
      agent,
      'spawn_error',
      start.message,
      performance.now() - start.started,
    );
    return finish(host, openLog(start), result);
  }
  const { child } = start;
  const log = openLog(start);
  const events = new EventLog(host.files.events);
  const run = new ChildRun(child, options, {
    // A copy, only when someone listens: stdout chunks live in a reused buffer.
    chunk: (chunk, stream) => {
      if (agent.listenerCount('output') > 0) agent.emit('output', Buffer.from(chunk), stream);
    },
    event: (event, raw) => {
      events.write(raw);
      agent.emit('agent-event', event);
    },
    ending: (reason) => host.say('WARNING', endingMessage(reason, options.killGraceMs)),
    swept: (count) => host.say('WARNING', sweptMessage(count)),
    survived: (pids) => host.say('ERROR', survivorsMessage(pids)),
    cgroupKept: (dirs) => host.say('ERROR', cgroupKeptMessage(dirs)),
  });
  if (start.cgroupProblem) host.say('WARNING', cgroupProblemMessage(start.cgroupProblem));
  host.attach(run);
  // A listener that throws ends the run (see AgentProcess.listenerThrew): the tree is killed, the result says why.
  agent.emit('start', {
    processId: agent.processId,
    pid: child.pid,
    command: invocation.command,
    args: invocation.displayArgs,
    startedAt: start.startedAt,
  });
  const early = host.early();
  if (early) run.end(early);
  const outcome = await run.wait(driver, log, start.started, host.files.stderr);
  host.attach(null);
  events.close();
  if (events.error)
    host.say('ERROR', `Could not write the events ${events.path}: ${events.error.message}`);
  const { stderr, droppedLines } = outcome;
  if (stderr.error)
    host.say('ERROR', `Could not write stderr to ${stderr.file}: ${stderr.error.message}`);
  if (droppedLines > 0) host.say('WARNING', droppedLinesMessage(droppedLines));
  await log.ready;
  const lost = lostFiles(log, events);
  const result = withoutCostBase(outcome.result, agent.costBaseUsd);
  return finish(host, log, lost.length > 0 ? withLostFiles(result, lost) : result, stderr);
}

async function finish(
  host: AttemptHost,
  log: ProcessLog,
  ended: ProcessResult,
  stderr?: StderrRecord,
): Promise<ProcessResult> {
  const result = withListenerError(ended, host.listenerError());
  await log.close(
    result,
    stderr?.head ?? Buffer.alloc(0),
    stderr?.truncated ?? false,
    stderr?.file ?? null,
  );
  if (log.error) host.say('ERROR', `Could not write the log ${log.path}: ${log.error.message}`);
  host.say(completedLevel(result), `Completed: ${result.message} (exit code ${result.exitCode})`);
  host.process.emit('end', result);
  return result;
}
