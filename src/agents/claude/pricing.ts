/**
 * An estimate of what a run cost, from its tokens, for runs that ended before
 * Claude's own `result` event (which carries the exact `total_cost_usd`).
 * Published list prices in USD per million tokens; cache writes cost 1.25x
 * input and cache reads 0.1x. An unknown model gives no estimate (null).
 */
import type { TokenUsage } from '../../process/result.js';

const PRICES: Array<{ match: RegExp; input: number; output: number }> = [
  { match: /opus-4-[5-9]|opus-[5-9]/, input: 5, output: 25 },
  { match: /opus/, input: 15, output: 75 },
  { match: /sonnet/, input: 3, output: 15 },
  { match: /haiku-4|haiku-[5-9]/, input: 1, output: 5 },
  { match: /3-5-haiku|haiku-3-5/, input: 0.8, output: 4 },
  { match: /haiku/, input: 0.25, output: 1.25 },
];

export function estimateCostUsd(model: string | null, usage: TokenUsage): number | null {
  if (model === null) return null;
  const price = PRICES.find((entry) => entry.match.test(model.toLowerCase()));
  if (!price) return null;
  const inputEquivalent =
    usage.inputTokens + usage.cacheCreationInputTokens * 1.25 + usage.cacheReadInputTokens * 0.1;
  return (inputEquivalent * price.input + usage.outputTokens * price.output) / 1_000_000;
}
