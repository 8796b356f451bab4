/**
 * The --json document: exactly one JSON object on stdout, with every field of
 * every ProcessResult (plus `index` and `tries`), so `| jq` gets all of it.
 */
import { findStrategy } from '../../strategies/registry.js';
import { totalCost, type RunOutcome } from './outcome.js';

export function jsonReport(outcome: RunOutcome): string {
  const document = {
    strategy: outcome.strategy,
    ...(outcome.name === null ? {} : { name: outcome.name }),
    status: outcome.status,
    exitCode: outcome.exitCode,
    sessionId: outcome.sessionId,
    sessionDir: outcome.sessionDir,
    durationMs: Math.round(outcome.durationMs),
    costUsd: totalCost(outcome.results),
    ...(outcome.simulatedCost ? { costSimulated: true } : {}),
    agentRetries: outcome.agentRetries,
    results: outcome.results.map((r) =>
      outcome.labels[r.processId] === undefined ? r : { ...r, label: outcome.labels[r.processId] },
    ),
    notRun: outcome.notRun,
    ...(findStrategy(outcome.strategy)?.alternatives ? { chosen: outcome.chosen } : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
