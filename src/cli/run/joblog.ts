/**
 * --joblog FILE: one tab-separated line per process, in GNU parallel's joblog
 * format (Seq, Host, Starttime, JobRuntime, Send, Receive, Exitval, Signal,
 * Command), so tools that read a parallel joblog read this one. Exitval is 0
 * only for a process that succeeded: an agent that exited 0 but failed claude's
 * verdict counts 1, and one that was killed counts -1 with its signal.
 */
import { constants } from 'node:os';
import { writeFileSync } from 'node:fs';
import type { StrategyResult } from '../../strategies/types.js';
import { CLIError } from '../errors.js';
import type { RunState } from '../render/run-state.js';

const HEADER = [
  'Seq',
  'Host',
  'Starttime',
  'JobRuntime',
  'Send',
  'Receive',
  'Exitval',
  'Signal',
  'Command',
];

function exitval(result: StrategyResult): number {
  if (result.status === 'succeeded') return 0;
  if (result.signal !== null || result.exitCode < 0) return -1;
  return result.exitCode === 0 ? 1 : result.exitCode;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function joblogText(results: StrategyResult[], state: RunState): string {
  const lines = results.map((result) => {
    const view = state.processes.get(result.processId);
    const started = (view?.startedAt ?? Date.now() - result.durationMs) / 1000;
    return [
      result.index + 1,
      ':',
      started.toFixed(3),
      (result.durationMs / 1000).toFixed(3),
      0,
      Buffer.byteLength(result.output),
      exitval(result),
      result.signal === null ? 0 : (constants.signals[result.signal] ?? 0),
      oneLine(view?.prompt ?? result.processId),
    ].join('\t');
  });
  return [HEADER.join('\t'), ...lines].join('\n') + '\n';
}

export function writeJoblog(path: string, results: StrategyResult[], state: RunState): void {
  try {
    writeFileSync(path, joblogText(results, state));
  } catch (error) {
    throw new CLIError(`--joblog: cannot write ${path}: ${(error as Error).message}`, 'E_IO');
  }
}
