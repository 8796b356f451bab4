/**
 * Composes the flat ProcessResult from what happened: how the child ended, why
 * we ended it (if we did), and what the agent's own stream reported.
 */
import type { AgentFindings } from './agent-driver.js';
import type { EndReason, ProcessResult, ProcessStatus } from './result.js';
import type { ChildExit } from './spawn/child-handle.js';
import { explainExitCode, explainSignal } from './exit-codes.js';
import { formatCost, formatDuration } from './format.js';
import { limitWords } from './watch/resource-limits.js';

export interface RunFacts {
  processId: string;
  agent: string;
  logFile: string;
  durationMs: number;
  exit: ChildExit | null;
  endReason: EndReason | null;
  /** True when SIGKILL was needed after the grace period. */
  escalated: boolean;
  /** Pids still alive after SIGKILL. */
  survivors?: number[];
  graceMs: number;
  rawOutput: string;
  outputTruncated: boolean;
  stderr: string;
  findings: AgentFindings;
}

function statusOf(facts: RunFacts): ProcessStatus {
  if (facts.endReason?.kind === 'timeout' || facts.endReason?.kind === 'idle') return 'timed_out';
  if (facts.endReason?.kind === 'error' || facts.endReason?.kind === 'limit') return 'failed';
  if (facts.endReason) return 'cancelled';
  if (facts.findings.status) return facts.findings.status;
  return facts.exit?.code === 0 ? 'succeeded' : 'failed';
}

function exitWords(exit: ChildExit | null): string {
  if (!exit) return 'no exit status';
  if (exit.signal) return `ended by signal ${explainSignal(exit.signal)}`;
  const words = explainExitCode(exit.code ?? -1);
  return `exit code ${exit.code}${words ? ` (${words})` : ''}`;
}

/** "; 2 processes survived SIGKILL (pids 12, 13)" or nothing. */
export function survivorWords(pids: number[]): string {
  if (pids.length === 0) return '';
  const what = pids.length === 1 ? '1 process' : `${pids.length} processes`;
  return `; ${what} survived SIGKILL (pid${pids.length === 1 ? '' : 's'} ${pids.join(', ')})`;
}

function timedOutWords(facts: RunFacts, took: string): string {
  const reason = facts.endReason;
  if (reason?.kind === 'idle')
    return `timed out: no output for ${formatDuration(reason.idleMs)} (ran ${took})`;
  return `timed out after ${reason?.kind === 'timeout' ? formatDuration(reason.timeoutMs) : took}`;
}

function messageOf(status: ProcessStatus, facts: RunFacts, costUsd: number | null): string {
  return mainWords(status, facts, costUsd) + survivorWords(facts.survivors ?? []);
}

function mainWords(status: ProcessStatus, facts: RunFacts, costUsd: number | null): string {
  const took = formatDuration(facts.durationMs);
  const killed = facts.escalated ? `; SIGKILL after ${formatDuration(facts.graceMs)} grace` : '';
  switch (status) {
    case 'succeeded':
      return `succeeded in ${took}${costUsd === null ? '' : `, ${formatCost(costUsd)}`}`;
    case 'timed_out':
      return `${timedOutWords(facts, took)}${killed}`;
    case 'cancelled': {
      const reason = facts.endReason?.kind === 'cancel' && facts.endReason.reason;
      return `cancelled after ${took}${reason ? ` (${reason})` : ''}${killed}`;
    }
    default: {
      const reason = facts.endReason;
      const ours =
        reason?.kind === 'error'
          ? reason.message
          : reason?.kind === 'limit'
            ? `${limitWords(reason)}${killed}`
            : null;
      return `failed after ${took}: ${ours ?? facts.findings.reason ?? exitWords(facts.exit)}`;
    }
  }
}

export function buildResult(facts: RunFacts): ProcessResult {
  const status = statusOf(facts);
  const f = facts.findings;
  // A limit found only after the exit (what the kernel did to a cgroup) did not end the child.
  const endedByUs =
    facts.endReason !== null && !(facts.endReason.kind === 'limit' && facts.endReason.afterExit);
  const ownExit = !endedByUs && facts.exit !== null && facts.exit.code !== null;
  return {
    processId: facts.processId,
    agent: facts.agent,
    status,
    exitCode: ownExit ? facts.exit!.code! : -1,
    signal: facts.exit?.signal ?? null,
    durationMs: Math.round(facts.durationMs),
    output: f.output ?? facts.rawOutput,
    stderr: facts.stderr,
    outputTruncated: facts.outputTruncated,
    logFile: facts.logFile,
    message: messageOf(status, facts, f.costUsd ?? null),
    sessionId: f.sessionId ?? null,
    costUsd: f.costUsd ?? null,
    usage: f.usage ?? null,
    usagePartial: f.usagePartial ?? false,
    numTurns: f.numTurns ?? null,
    model: f.model ?? null,
    isError: f.isError ?? null,
    apiErrorStatus: f.apiErrorStatus ?? null,
    survivors: [...(facts.survivors ?? [])],
    permissionDenials: f.permissionDenials ?? [],
    ...(f.structuredOutput === undefined ? {} : { structuredOutput: f.structuredOutput }),
  };
}

/** The result for a process that never ran (spawn failure, cancelled before start, an error of ours). */
export function notStartedResult(
  who: Pick<RunFacts, 'processId' | 'agent' | 'logFile'>,
  status: Extract<ProcessStatus, 'spawn_error' | 'cancelled' | 'failed' | 'skipped'>,
  message: string,
  durationMs = 0,
): ProcessResult {
  return {
    ...buildResult({
      ...who,
      durationMs,
      exit: null,
      endReason: null,
      escalated: false,
      graceMs: 0,
      rawOutput: '',
      outputTruncated: false,
      stderr: '',
      findings: {},
    }),
    status,
    message,
  };
}
