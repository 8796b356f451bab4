/**
 * What a finished run amounts to: its status and exit code, from the results
 * the strategy gave and whether the user interrupted it. Shared by the human
 * report and the JSON document, so both always agree.
 */
import { findStrategy } from '../../strategies/registry.js';
import type { StrategyResult } from '../../strategies/types.js';
import { EXIT, type ExitCode } from '../errors.js';
import type { StrategyName } from '../options/run-flags.js';

export type RunStatus = 'succeeded' | 'failed' | 'cancelled';

export interface RunOutcome {
  strategy: StrategyName;
  status: RunStatus;
  exitCode: ExitCode;
  /** One result per process that ran (for fallback: every attempt), in input order. */
  results: StrategyResult[];
  /** Processes that got no result (sequential --stop-on-failure, or a fallback that succeeded early). */
  notRun: string[];
  /** Strategies of alternatives (fallback) only: the index of the attempt whose result stands (the success, or the last failure). */
  chosen: number | null;
  sessionId: string;
  sessionDir: string;
  durationMs: number;
  /** The agents' own API retries (rate limits, outages) over the run. */
  agentRetries: number;
  /** --fail-on-denied: a refused tool call fails the run. */
  failOnDenied: boolean;
  /** --name, or null. */
  name: string | null;
  /** The costs are the mock model's (--mock-model), not money spent. */
  simulatedCost: boolean;
  /** The tasks' labels, by process id (only those that have one). */
  labels: Record<string, string>;
}

export interface OutcomeInput {
  strategy: StrategyName;
  /** Every result the strategy gave, in any order. */
  results: StrategyResult[];
  /** For fallback: the result that stands. */
  final?: StrategyResult | null;
  processIds: string[];
  interrupted: boolean;
  /** The exit code of the interruption (default 130, Ctrl-C). */
  interruptedExitCode?: ExitCode;
  sessionId: string;
  sessionDir: string;
  durationMs: number;
  agentRetries?: number;
  /** Set when --halt stopped the run: the status it stopped with. */
  halted?: 'succeeded' | 'failed';
  failOnDenied?: boolean;
  name?: string | null;
  simulatedCost?: boolean;
  labels?: Record<string, string>;
}

export function runOutcome(input: OutcomeInput): RunOutcome {
  const results = [...input.results].sort((a, b) => a.index - b.index);
  const ran = new Set(results.map((r) => r.processId));
  const notRun = input.processIds.filter((id) => !ran.has(id));
  // A strategy of alternatives (fallback): one result stands, and the others need not run.
  const alternatives = findStrategy(input.strategy)?.alternatives === true;
  const chosen = alternatives ? (input.final?.index ?? null) : null;
  let status: RunStatus;
  if (input.interrupted) status = 'cancelled';
  else if (input.halted) status = input.halted;
  else if (alternatives) status = input.final?.status === 'succeeded' ? 'succeeded' : 'failed';
  else
    status =
      results.every((r) => r.status === 'succeeded') && notRun.length === 0
        ? 'succeeded'
        : 'failed';
  const standing = alternatives ? (input.final ? [input.final] : []) : results;
  if (
    status === 'succeeded' &&
    input.failOnDenied &&
    standing.some((r) => r.permissionDenials.length > 0)
  )
    status = 'failed';
  const exitCode: ExitCode =
    status === 'succeeded'
      ? EXIT.ok
      : status === 'cancelled'
        ? (input.interruptedExitCode ?? EXIT.interrupted)
        : EXIT.failed;
  return {
    strategy: input.strategy,
    status,
    exitCode,
    results,
    notRun: alternatives ? [] : notRun,
    chosen,
    sessionId: input.sessionId,
    sessionDir: input.sessionDir,
    durationMs: input.durationMs,
    agentRetries: input.agentRetries ?? 0,
    failOnDenied: input.failOnDenied === true,
    name: input.name ?? null,
    simulatedCost: input.simulatedCost === true,
    labels: input.labels ?? {},
  };
}

export function totalCost(results: StrategyResult[]): number | null {
  const costs = results.map((r) => r.costUsd).filter((c): c is number => c !== null);
  return costs.length === 0 ? null : costs.reduce((a, b) => a + b, 0);
}
