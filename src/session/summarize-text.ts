/** A session summary as human text: the original's `summarize()`, with tokens, retries and a line per process. */
import { formatCost, formatDuration } from '../process/format.js';
import type { ProcessSummary, SessionBudget, SessionSummary } from './summary-types.js';

export function summaryText(summary: SessionSummary): string {
  const t = summary.totals;
  const counts = [
    [t.succeeded, 'succeeded'],
    [t.failed, 'failed'],
    [t.timedOut, 'timed out'],
    [t.cancelled, 'cancelled'],
    [t.spawnErrors, 'could not start'],
    [t.skipped ?? 0, 'skipped'],
    [t.running, 'running'],
    [t.notRun, 'not run'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, words]) => `${n} ${words}`);
  const lines = [
    `Session: ${summary.sessionId}`,
    ...(summary.name ? [`Name: ${summary.name}`] : []),
    `Pattern: ${summary.patternName}`,
    `Status: ${summary.endedAt === null ? 'running' : summary.status}`,
    `Started: ${summary.startedAt}`,
    `Duration: ${formatDuration(summary.durationMs)}`,
    `Working dir: ${summary.workingDir}`,
    ...(summary.model ? [`Model: ${summary.model}`] : []),
    `Processes: ${t.processes}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`,
    ...(t.retries > 0 ? [`Retries: ${t.retries}`] : []),
    `Total cost: ${formatCost(t.costUsd)}`,
    ...(summary.budget ? [budgetLine(summary.budget)] : []),
    ...(t.rateLimitedRuns
      ? [`Rate-limited runs (run again, not tries): ${t.rateLimitedRuns}`]
      : []),
    `Tokens: ${t.usage.inputTokens} input, ${t.usage.outputTokens} output, ${t.usage.cacheReadInputTokens} cache read, ${t.usage.cacheCreationInputTokens} cache write`,
  ];
  if (summary.processes.length > 0) {
    lines.push('', ...table(summary.processes));
  }
  const work = summary.processes.filter((p) => p.artifacts);
  if (work.length > 0) lines.push('', 'Work (one branch per process):', ...work.map(workLine));
  lines.push('', `Logs: ${summary.sessionDir}`);
  return lines.join('\n');
}

function table(processes: ProcessSummary[]): string[] {
  const rows = processes.map((p) => [
    p.processId,
    p.status,
    p.exitCode === null ? '' : `exit ${p.exitCode}`,
    p.durationMs === null ? '' : formatDuration(p.durationMs),
    p.costUsd === null ? '' : formatCost(p.costUsd),
    p.usage ? `${p.usage.inputTokens + p.usage.outputTokens} tokens` : '',
    p.tries > 1 ? `${p.tries} tries` : '',
    p.step ? stepLabel(p) : '',
    about(p),
  ]);
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map(
    (row) =>
      `  ${row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd()}`,
  );
}

/** The task's label, else the start of its prompt in quotes. */
function about(p: ProcessSummary): string {
  if (p.label !== undefined) return p.label;
  if (p.prompt === undefined || p.prompt === '') return '';
  return JSON.stringify(p.prompt.length > 60 ? `${p.prompt.slice(0, 59)}…` : p.prompt);
}

function stepLabel(p: ProcessSummary): string {
  const step = p.step!;
  return `${step.step}${step.round === null ? '' : ` ${step.round}`} (${step.role})`;
}

function workLine(p: ProcessSummary): string {
  const a = p.artifacts!;
  const added = a.filesChanged.reduce((n, f) => n + f.added, 0);
  const removed = a.filesChanged.reduce((n, f) => n + f.removed, 0);
  const files = a.filesChanged.length === 1 ? '1 file' : `${a.filesChanged.length} files`;
  return `  ${p.processId}  ${a.branch}  ${files} changed, +${added} -${removed}  ${a.commit.slice(0, 12)}  ${a.patchFile}`;
}

/** "Budget: $0.0500 spent of $0.1000 (reached)". */
export function budgetLine(budget: SessionBudget): string {
  const of = budget.maxCostUsd === null ? '' : ` of ${formatCost(budget.maxCostUsd)}`;
  const each =
    budget.maxCostPerProcessUsd === null
      ? ''
      : `, at most ${formatCost(budget.maxCostPerProcessUsd)} per process`;
  return `Budget: ${formatCost(budget.spentUsd)} spent${of}${each}${budget.reached ? ' (reached: later tasks skipped)' : ''}`;
}
