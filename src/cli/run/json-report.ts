/**
 * The --json document: exactly one JSON object on stdout, with every field of
 * every ProcessResult (plus `index` and `tries`), so `| jq` gets all of it.
 */
import { findStrategy } from '../../strategies/registry.js';
import { totalCost, type RunOutcome } from './outcome.js';

export function jsonReport(outcome: RunOutcome): string {
  const document = {
    strategy: outcome.strategy,
    status: outcome.status,
    exitCode: outcome.exitCode,
    sessionId: outcome.sessionId,
    sessionDir: outcome.sessionDir,
    durationMs: Math.round(outcome.durationMs),
    costUsd: totalCost(outcome.results),
    agentRetries: outcome.agentRetries,
    results: outcome.results,
    notRun: outcome.notRun,
    ...(findStrategy(outcome.strategy)?.alternatives ? { chosen: outcome.chosen } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
