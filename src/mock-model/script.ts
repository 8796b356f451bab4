/**
 * The mock script: which reply the mock model gives to which prompt, turn by turn.
 * It is the format of `--mock-script FILE` and of `startMockModel({ script })`.
 * The full format is described in docs/mock-model.md.
 */
import { z } from 'zod';

const nonNegativeInt = z.number().int().nonnegative();

/** `/pattern/flags` is a regular expression; anything else is a substring. */
export const REGEX_MATCH = /^\/(.+)\/([a-z]*)$/s;

const matchSchema = z.string().superRefine((value, ctx) => {
  const regex = REGEX_MATCH.exec(value);
  if (!regex) return;
  const flags = regex[2] ?? '';
  if (flags.includes('g') || flags.includes('y')) {
    ctx.addIssue({ code: 'custom', message: 'the `g` and `y` flags make a regex stateful' });
    return;
  }
  try {
    new RegExp(regex[1] ?? '', flags);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${String(error)}` });
  }
});

const usageSchema = z.strictObject({
  input_tokens: nonNegativeInt.optional(),
  output_tokens: nonNegativeInt.optional(),
});

const toolUseSchema = z.strictObject({
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()).default({}),
  id: z.string().min(1).optional(),
});

const errorSchema = z.strictObject({
  status: z.number().int().min(400).max(599),
  type: z.string().min(1).optional(),
  message: z.string().optional(),
  /** Seconds, sent as the `retry-after` header. */
  retryAfter: nonNegativeInt.optional(),
  /** Sent as the `x-should-retry` header; `false` makes claude give up at once. */
  shouldRetry: z.boolean().optional(),
});

/** The fields each kind of turn accepts besides its own key. */
const ALLOWED: Record<MockTurnKind, readonly string[]> = {
  text: ['text', 'delayMs', 'chunkDelayMs', 'chunkSize', 'usage', 'times'],
  toolUse: ['toolUse', 'text', 'delayMs', 'chunkDelayMs', 'chunkSize', 'usage', 'times'],
  error: ['error', 'delayMs', 'times'],
  hang: ['hang', 'times'],
};

export type MockTurnKind = 'text' | 'toolUse' | 'error' | 'hang';

/** The kind of a validated turn: the one of `toolUse`, `error`, `hang` it has, else `text`. */
export function turnKind(turn: MockTurn): MockTurnKind {
  if (turn.toolUse) return 'toolUse';
  if (turn.error) return 'error';
  if (turn.hang) return 'hang';
  return 'text';
}

const turnSchema = z
  .strictObject({
    text: z.string().optional(),
    toolUse: toolUseSchema.optional(),
    error: errorSchema.optional(),
    hang: z.literal(true).optional(),
    delayMs: nonNegativeInt.optional(),
    chunkDelayMs: nonNegativeInt.optional(),
    chunkSize: z.number().int().positive().optional(),
    usage: usageSchema.optional(),
    times: z.number().int().positive().optional(),
  })
  .superRefine((turn, ctx) => {
    const kinds = (['toolUse', 'error', 'hang'] as const).filter((key) => turn[key] !== undefined);
    if (kinds.length > 1) {
      ctx.addIssue({
        code: 'custom',
        message: `a turn has only one of \`toolUse\`, \`error\`, \`hang\`; got ${kinds.join(', ')}`,
      });
      return;
    }
    const kind = kinds[0] ?? 'text';
    if (kind === 'text' && turn.text === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'a turn needs one of `text`, `toolUse`, `error` or `hang`',
      });
      return;
    }
    for (const key of Object.keys(turn)) {
      if (turn[key as keyof typeof turn] !== undefined && !ALLOWED[kind].includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `does not apply to ${kind === 'error' ? 'an' : 'a'} ${kind} turn`,
        });
      }
    }
  });

const ruleSchema = z.strictObject({
  /** Substring of the prompt (case-insensitive) or `/regex/flags`; omitted matches every prompt. */
  match: matchSchema.optional(),
  /** A label recorded with each request the rule answers. */
  name: z.string().optional(),
  turns: z.array(turnSchema).min(1),
});

export const mockScriptSchema = z.strictObject({
  rules: z.array(ruleSchema).default([]),
  default: turnSchema.optional(),
});

/** A script as written (JSON or a TS literal): optional fields may be left out. */
export type MockScriptInput = z.input<typeof mockScriptSchema>;
/** A validated script, defaults applied. */
export type MockScript = z.output<typeof mockScriptSchema>;
export type MockRule = MockScript['rules'][number];
export type MockTurn = MockRule['turns'][number];
export type MockToolUse = NonNullable<MockTurn['toolUse']>;
export type MockErrorSpec = NonNullable<MockTurn['error']>;
export type MockUsage = NonNullable<MockTurn['usage']>;

/** The reply to prompts no rule matches, when the script has no `default`. */
export const BUILTIN_DEFAULT_TURN: MockTurn = { text: 'Mock reply: {{prompt}}' };
