/**
 * The human report printed when a run ends: each process's answer under a
 * header (unless --stream already showed it), then one totals line and the
 * session folder, the place to look for everything else.
 */
import type { StrategyResult } from '../../strategies/types.js';
import { totalCost, type RunOutcome } from '../run/outcome.js';
import { deniedText } from '../../process/format.js';
import type { Palette } from './color.js';

export const ALLOW_HINT =
  'To let agents edit files: -- --allowedTools Write,Edit, or -- --permission-mode acceptEdits.';
import { agentRetryCount, formatCost, formatDuration, formatTokens } from './units.js';

function header(
  result: StrategyResult,
  chosen: boolean,
  p: Palette,
  label: string | undefined,
): string {
  const color =
    result.status === 'succeeded' ? p.green : result.status === 'cancelled' ? p.yellow : p.red;
  const parts = [
    result.processId,
    ...(label === undefined ? [] : [label]),
    result.agent,
    color(result.status.replace('_', ' ')),
    formatDuration(result.durationMs),
    ...(result.tries > 1 ? [`${result.tries} tries`] : []),
    ...(result.costUsd !== null ? [formatCost(result.costUsd)] : []),
    ...(result.permissionDenials.length > 0
      ? [p.yellow(`${result.permissionDenials.length} denied`)]
      : []),
    ...(chosen ? ['chosen'] : []),
  ];
  return p.bold(`── ${parts.join(' · ')} ──`);
}

function body(result: StrategyResult, withOutput: boolean): string {
  const lines: string[] = [];
  if (result.status !== 'succeeded') lines.push(result.message);
  if (result.permissionDenials.length > 0)
    lines.push(`${deniedText(result.permissionDenials)}. ${ALLOW_HINT}`);
  if (withOutput && result.output.trim() !== '') lines.push(result.output.trimEnd());
  if (result.outputTruncated)
    lines.push(`(output truncated; the whole of it is in ${result.logFile})`);
  return lines.join('\n');
}

function totalsLine(outcome: RunOutcome, p: Palette): string {
  const counts = new Map<string, number>();
  for (const r of outcome.results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  if (outcome.notRun.length > 0) counts.set('not run', outcome.notRun.length);
  const parts = [...counts].map(([status, n]) => `${n} ${status.replace('_', ' ')}`);
  const retried = outcome.agentRetries > 0 ? ` · ${agentRetryCount(outcome.agentRetries)}` : '';
  const deniedProcesses = outcome.results.filter((r) => r.permissionDenials.length > 0).length;
  const denied =
    deniedProcesses > 0
      ? ` · ${deniedProcesses} with denied tool calls${outcome.failOnDenied ? ' (--fail-on-denied)' : ''}`
      : '';
  const usage = outcome.results.reduce<StrategyResult['usage']>((sum, r) => {
    if (!r.usage) return sum;
    if (!sum) return { ...r.usage };
    return {
      inputTokens: sum.inputTokens + r.usage.inputTokens,
      outputTokens: sum.outputTokens + r.usage.outputTokens,
      cacheCreationInputTokens: sum.cacheCreationInputTokens + r.usage.cacheCreationInputTokens,
      cacheReadInputTokens: sum.cacheReadInputTokens + r.usage.cacheReadInputTokens,
    };
  }, null);
  const verdict =
    outcome.status === 'succeeded'
      ? p.green('Succeeded')
      : outcome.status === 'cancelled'
        ? p.yellow('Cancelled')
        : p.red('Failed');
  return `${p.bold(verdict)}: ${parts.join(', ')} in ${formatDuration(outcome.durationMs)}${retried}${denied} · tokens ${formatTokens(usage)} · cost ${formatCost(totalCost(outcome.results))}${outcome.simulatedCost ? ' (simulated: --mock-model spends nothing)' : ''}`;
}

export function humanReport(
  outcome: RunOutcome,
  options: { outputs: boolean; palette: Palette },
): string {
  const p = options.palette;
  const sections = outcome.results.map((r) => {
    const text = body(r, options.outputs);
    const head = header(r, outcome.chosen === r.index, p, outcome.labels[r.processId]);
    return `${head}${text ? `\n${text}` : ''}`;
  });
  if (outcome.notRun.length > 0) sections.push(p.dim(`Not run: ${outcome.notRun.join(', ')}`));
  const folder = `Session folder: ${outcome.sessionDir}${outcome.name === null ? '' : ` (${outcome.name})`}`;
  return `${[...sections, '', totalsLine(outcome, p), folder].join('\n')}\n`;
}
