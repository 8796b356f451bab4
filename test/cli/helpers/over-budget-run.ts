/**
 * The run the budget and resume tests share: three sequential tasks on the
 * mock model under `--max-cost 0.06`, so the first two spend the budget and
 * the third is skipped (exit 1). `extra` adds flags (e.g. `--backend`).
 */
import { runCli, type CliResult } from './run-cli.js';

export function overBudgetRun(logDir: string, extra: string[] = []): Promise<CliResult> {
  return runCli([
    ...['sequential', '--mock-model', '--max-cost', '0.06', '--log-dir', logDir],
    ...extra,
    ...['one', 'two', 'three'],
  ]);
}
