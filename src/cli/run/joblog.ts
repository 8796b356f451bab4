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
import type { OrchestrateEvent } from '../../events/types.js';

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

/**
 * What the joblog needs of each process and its result lacks: when its last try
 * started and the prompt it was given (under --pass-output, with the earlier
 * outputs). Kept only when --joblog is asked for.
 */
export class JoblogFacts {
  private readonly facts = new Map<string, { startedAt: number | null; prompt: string }>();

  /** The planned prompt, until a task record says which one was passed. */
  plan(processId: string, prompt: string): void {
    if (!this.facts.has(processId)) this.facts.set(processId, { startedAt: null, prompt });
  }

  read(event: OrchestrateEvent): void {
    if (event.kind === 'task') {
      const fact = this.facts.get(event.processId);
      if (fact) fact.prompt = event.spec.prompt;
      else this.facts.set(event.processId, { startedAt: null, prompt: event.spec.prompt });
    } else if (event.kind === 'process-start') {
      const fact = this.facts.get(event.processId);
      if (fact) fact.startedAt = Date.parse(event.at);
      else this.facts.set(event.processId, { startedAt: Date.parse(event.at), prompt: '' });
    }
  }

  get(processId: string): { startedAt: number | null; prompt: string } | undefined {
    return this.facts.get(processId);
  }
}

export function joblogText(results: StrategyResult[], facts: JoblogFacts): string {
  const lines = results.map((result) => {
    const view = facts.get(result.processId);
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
      oneLine(view?.prompt || result.processId),
    ].join('\t');
  });
  return [HEADER.join('\t'), ...lines].join('\n') + '\n';
}

export function writeJoblog(path: string, results: StrategyResult[], facts: JoblogFacts): void {
  try {
    writeFileSync(path, joblogText(results, facts));
  } catch (error) {
    throw new CLIError(`--joblog: cannot write ${path}: ${(error as Error).message}`, 'E_IO');
  }
}
