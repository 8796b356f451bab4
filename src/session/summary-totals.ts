/** A session's totals: summed from its process entries, and sums of sums. */
import type { SessionStatus } from '../events/types.js';
import type { TokenUsage } from '../process/result.js';
import type { ProcessSummary, SessionTotals } from './summary-types.js';

export const ZERO_USAGE: TokenUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 0,
};

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheCreationInputTokens: a.cacheCreationInputTokens + b.cacheCreationInputTokens,
    cacheReadInputTokens: a.cacheReadInputTokens + b.cacheReadInputTokens,
  };
}

/** a + sign × b, field by field. */
export function addTotals(a: SessionTotals, b: SessionTotals, sign: 1 | -1 = 1): SessionTotals {
  const sum = (x: number, y: number) => x + sign * y;
  return {
    processes: sum(a.processes, b.processes),
    succeeded: sum(a.succeeded, b.succeeded),
    failed: sum(a.failed, b.failed),
    timedOut: sum(a.timedOut, b.timedOut),
    cancelled: sum(a.cancelled, b.cancelled),
    spawnErrors: sum(a.spawnErrors, b.spawnErrors),
    skipped: sum(a.skipped ?? 0, b.skipped ?? 0),
    notRun: sum(a.notRun, b.notRun),
    running: sum(a.running, b.running),
    retries: sum(a.retries, b.retries),
    agentRetries: sum(a.agentRetries, b.agentRetries),
    permissionDenials: sum(a.permissionDenials, b.permissionDenials),
    costUsd: sum(a.costUsd, b.costUsd),
    usage: {
      inputTokens: sum(a.usage.inputTokens, b.usage.inputTokens),
      outputTokens: sum(a.usage.outputTokens, b.usage.outputTokens),
      cacheCreationInputTokens: sum(
        a.usage.cacheCreationInputTokens,
        b.usage.cacheCreationInputTokens,
      ),
      cacheReadInputTokens: sum(a.usage.cacheReadInputTokens, b.usage.cacheReadInputTokens),
    },
  };
}

/** Cancelled if any process was; succeeded if every process that ran succeeded; else failed. */
export function deriveStatus(totals: SessionTotals): SessionStatus {
  if (totals.cancelled > 0) return 'cancelled';
  const ran = totals.processes - totals.notRun;
  return totals.succeeded === ran ? 'succeeded' : 'failed';
}

export function totalsOf(processes: ProcessSummary[], retries: number): SessionTotals {
  const count = (status: string) => processes.filter((p) => p.status === status).length;
  return {
    processes: processes.length,
    succeeded: count('succeeded'),
    failed: count('failed'),
    timedOut: count('timed_out'),
    cancelled: count('cancelled'),
    spawnErrors: count('spawn_error'),
    skipped: count('skipped'),
    notRun: count('not_run'),
    running: count('running'),
    retries,
    agentRetries: processes.reduce((sum, p) => sum + (p.agentRetries ?? 0), 0),
    permissionDenials: processes.reduce((sum, p) => sum + (p.permissionDenials ?? 0), 0),
    costUsd: processes.reduce((sum, p) => sum + (p.costUsd ?? 0), 0),
    usage: processes.reduce((sum, p) => (p.usage ? addUsage(sum, p.usage) : sum), ZERO_USAGE),
  };
}
