/** How a run's result and log lines read: limits, lost files, a listener's error, a start that never came, its ending. */
import type { LogLevel } from '../logging/logger.js';
import { formatDuration } from './format.js';
import type { NormalizedOptions } from './options.js';
import type { EndReason, ProcessResult } from './result.js';
import { describeLimits } from './watch/resource-limits.js';

/** " with a 30 s timeout and a 5 min idle timeout", or nothing. */
export function startLimits(options: NormalizedOptions): string {
  const parts = [
    options.timeoutMs === null ? null : `a ${formatDuration(options.timeoutMs)} timeout`,
    options.idleTimeoutMs === null
      ? null
      : `a ${formatDuration(options.idleTimeoutMs)} idle timeout`,
    describeLimits(options),
  ].filter((part) => part !== null);
  return parts.length === 0 ? '' : ` with ${parts.join(' and ')}`;
}

/**
 * A run whose log or events file could not be written is not a clean success:
 * its record is incomplete (say, too few file descriptors). A success becomes
 * a failure; any other outcome keeps its status; the message says what was lost.
 */
export function withLostFiles(result: ProcessResult, lost: string[]): ProcessResult {
  const what = lost.join('; ');
  if (result.status !== 'succeeded') return { ...result, message: `${result.message}; ${what}` };
  return {
    ...result,
    status: 'failed',
    message: `failed after ${formatDuration(result.durationMs)}: ${what} (the output is in the result only)`,
  };
}

/** The result, its message naming a listener's error when one threw and the message does not say it yet. */
export function withListenerError(result: ProcessResult, error: string | null): ProcessResult {
  if (error === null || result.message.includes(error)) return result;
  return { ...result, message: `${result.message}; ${error}` };
}

/** "cancelled before it started (interrupted by SIGINT)". */
export function notStartedMessage(reason: EndReason): string {
  const why = reason.kind === 'cancel' && reason.reason ? ` (${reason.reason})` : '';
  return `cancelled before it started${why}`;
}

/** A resumed conversation's try costs what it added: its cumulative cost less what came before. */
export function withoutCostBase(result: ProcessResult, base: number): ProcessResult {
  if (base === 0 || result.costUsd === null) return result;
  return { ...result, costUsd: Math.max(0, result.costUsd - base) };
}

/** The log level a run's "Completed: …" line is told at. */
export function completedLevel(result: ProcessResult): LogLevel {
  if (result.status === 'succeeded') return 'INFO';
  return result.status === 'cancelled' ? 'WARNING' : 'ERROR';
}

export function sweptMessage(count: number): string {
  return `Exited but left ${count} descendant process(es) running; ended them`;
}

export function survivorsMessage(pids: number[]): string {
  return `Still alive after SIGKILL: ${pids.length === 1 ? 'pid' : 'pids'} ${pids.join(', ')}; they are not ours to end any more`;
}

export function droppedLinesMessage(count: number): string {
  return `Dropped ${count} line(s) of mirrored output: the console read slower than the agent wrote (the log has every line)`;
}

/** What a run could not write, in words: its log that did not open, its events that failed. */
export function lostFiles(
  log: { path: string; openError: Error | null },
  events: { path: string; error: Error | null },
): string[] {
  return [
    log.openError && `could not open its log ${log.path}: ${log.openError.message}`,
    events.error && `could not write its events ${events.path}: ${events.error.message}`,
  ].filter((text): text is string => typeof text === 'string');
}

export function cgroupKeptMessage(dirs: string[]): string {
  return `Could not remove the tree's cgroup ${dirs.join(', ')}: a process in it did not end`;
}

export function cgroupProblemMessage(problem: string): string {
  return `The kernel cannot hold the limits: ${problem}; they are sampled from /proc instead`;
}
