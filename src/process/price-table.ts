/**
 * The user's price table: USD per million tokens, per model. It prices the
 * runs of agents that report tokens but no cost (codex, gemini); an agent's
 * own cost always wins, and a model missing from the table stays unpriced
 * (`costUsd: null`), never guessed.
 *
 *   { "gpt-5.5": { "input": 1.25, "output": 10, "cachedInput": 0.125 } }
 */
import { readFile } from 'node:fs/promises';
import type { z as Zod } from 'zod';
import { loadZod } from './load-zod.js';
import type { TokenUsage } from './result.js';
import { describeValue } from './validate.js';

function definePriceTableSchema(z: typeof Zod) {
  const usdPerMillion = z.number().finite().nonnegative();
  const modelPriceSchema = z.strictObject({
    /** USD per million input tokens (cache writes are priced the same). */
    input: usdPerMillion,
    /** USD per million output tokens. */
    output: usdPerMillion,
    /** USD per million cached input tokens; `input` when absent. */
    cachedInput: usdPerMillion.optional(),
  });
  return z.record(z.string().min(1), modelPriceSchema);
}

let schema: ReturnType<typeof definePriceTableSchema> | undefined;

/** The price table's zod schema, made (and zod loaded) on first use. */
export function priceTableSchema(): ReturnType<typeof definePriceTableSchema> {
  schema ??= definePriceTableSchema(loadZod());
  return schema;
}

export type PriceTable = Zod.infer<ReturnType<typeof definePriceTableSchema>>;
export type ModelPrice = PriceTable[string];

const ACCEPTED =
  'an object of models, each {"input": USD per million tokens, "output": USD per million tokens, "cachedInput"?: USD per million tokens}';

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}

/** Checks a parsed price table; the error names the field, the value and what is accepted. */
export function parsePriceTable(value: unknown, source = 'the price table'): PriceTable {
  const parsed = priceTableSchema().safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || '(root)';
  throw new TypeError(
    `${source}: \`${field}\` is ${describeValue(valueAt(value, issue.path))}: ${issue.message}; expected ${ACCEPTED}`,
  );
}

/** Reads and checks a prices.json file. */
export async function loadPriceTable(path: string): Promise<PriceTable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the price table ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`The price table ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parsePriceTable(value, path);
}

/** The cost of `usage` at the table's price for `model`, or null when either is unknown. */
export function costFromPrices(
  usage: TokenUsage | null | undefined,
  model: string | null | undefined,
  table: PriceTable | null | undefined,
): number | null {
  if (!usage || !model || !table || !Object.hasOwn(table, model)) return null;
  const price = table[model]!;
  const micro =
    (usage.inputTokens + usage.cacheCreationInputTokens) * price.input +
    usage.cacheReadInputTokens * (price.cachedInput ?? price.input) +
    usage.outputTokens * price.output;
  return micro / 1_000_000;
}
