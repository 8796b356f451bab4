/** Short human numbers for the views: durations, token counts, costs. */
import type { TokenUsage } from '../../process/result.js';

export { formatCost, formatDuration } from '../../process/format.js';

/** `950`, `12.3k`, `4.5M`. */
export function formatCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${Number((n / 1000).toFixed(n < 10_000 ? 1 : 0))}k`;
  return `${Number((n / 1_000_000).toFixed(1))}M`;
}

/** All input tokens, cached ones included: what the model read. */
export function inputTokens(usage: TokenUsage): number {
  return usage.inputTokens + usage.cacheCreationInputTokens + usage.cacheReadInputTokens;
}

/** `12.3k in / 450 out`, or `-` with no usage. */
export function formatTokens(usage: TokenUsage | null): string {
  return usage
    ? `${formatCount(inputTokens(usage))} in / ${formatCount(usage.outputTokens)} out`
    : '-';
}

/** `1 agent API retry`, `3 agent API retries`. */
export function agentRetryCount(n: number): string {
  return `${n} agent API ${n === 1 ? 'retry' : 'retries'}`;
}

/** Elapsed seconds for the board: `4.2s`, `1m05s`. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.floor(seconds % 60)).padStart(2, '0')}s`;
}
