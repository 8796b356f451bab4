/**
 * The mock script: which reply the mock model gives to which prompt, turn by turn.
 * It is the format of `--mock-script FILE` and of `startMockModel({ script })`.
 * The full format is described in docs/mock-model.md.
 */
import { z } from 'zod';
import { accountSchema } from './account-schema.js';

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

/** One tool use, or several in one turn (claude runs them all, then answers with every result). */
const toolUsesSchema = z.union([toolUseSchema, z.array(toolUseSchema).min(1)]);

const errorSchema = z.strictObject({
  status: z.number().int().min(400).max(599),
  type: z.string().min(1).optional(),
  message: z.string().optional(),
  /** Seconds, sent as the `retry-after` header. */
  retryAfter: nonNegativeInt.optional(),
  /** Sent as the `x-should-retry` header; `false` makes claude give up at once. */
  shouldRetry: z.boolean().optional(),
  /**
   * The error arrives inside a 200 stream, as an `error` event after the turn's
   * `text` (the API's overloaded_error mid-stream); a non-streaming request
   * (claude's fallback after a broken stream) gets it as the HTTP status.
   */
  midStream: z.boolean().optional(),
});

/** The fields each kind of turn accepts besides its own key. */
const REPLY_FIELDS = ['text', 'thinking', 'delayMs', 'chunkDelayMs', 'chunkSize', 'usage', 'times'];
const ALLOWED: Record<MockTurnKind, readonly string[]> = {
  text: [...REPLY_FIELDS, 'stopReason'],
  toolUse: ['toolUse', ...REPLY_FIELDS],
  error: ['error', 'text', 'chunkSize', 'delayMs', 'times'],
  hang: ['hang', 'times'],
  drop: ['drop', 'text', 'chunkSize', 'delayMs', 'times'],
};

const KINDS = ['toolUse', 'error', 'hang', 'drop'] as const;

export type MockTurnKind = 'text' | (typeof KINDS)[number];

/** The kind of a validated turn: the one of `toolUse`, `error`, `hang`, `drop` it has, else `text`. */
export function turnKind(turn: MockTurn): MockTurnKind {
  return KINDS.find((kind) => turn[kind] !== undefined) ?? 'text';
}

/** The tool uses of a turn, as a list (empty for a turn without any). */
export function toolUsesOf(turn: MockTurn): MockToolUse[] {
  if (!turn.toolUse) return [];
  return Array.isArray(turn.toolUse) ? turn.toolUse : [turn.toolUse];
}

const turnSchema = z
  .strictObject({
    text: z.string().optional(),
    toolUse: toolUsesSchema.optional(),
    error: errorSchema.optional(),
    hang: z.literal(true).optional(),
    /** The connection drops: after the headers and the turn's `text` when streaming, at once otherwise. */
    drop: z.literal(true).optional(),
    /** A thinking block (with a signature) before the text. */
    thinking: z.string().optional(),
    /** `max_tokens`: the reply is cut off at the output limit. */
    stopReason: z.enum(['end_turn', 'max_tokens']).optional(),
    delayMs: nonNegativeInt.optional(),
    chunkDelayMs: nonNegativeInt.optional(),
    chunkSize: z.number().int().positive().optional(),
    usage: usageSchema.optional(),
    times: z.number().int().positive().optional(),
  })
  .superRefine((turn, ctx) => {
    const kinds = KINDS.filter((key) => turn[key] !== undefined);
    if (kinds.length > 1) {
      ctx.addIssue({
        code: 'custom',
        message: `a turn has only one of \`toolUse\`, \`error\`, \`hang\`, \`drop\`; got ${kinds.join(', ')}`,
      });
      return;
    }
    const kind = kinds[0] ?? 'text';
    if (kind === 'text' && turn.text === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'a turn needs one of `text`, `toolUse`, `error`, `hang` or `drop`',
      });
      return;
    }
    if (kind === 'error' && turn.text !== undefined && !turn.error?.midStream) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'an error turn has text only with `error.midStream`: the text streamed before it',
      });
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
  /** A capacity: calls past it get 429 until the window resets (account-schema.ts). */
  account: accountSchema.optional(),
});

/** A script as written (JSON or a TS literal): optional fields may be left out. */
export type MockScriptInput = z.input<typeof mockScriptSchema>;
/** A validated script, defaults applied. */
export type MockScript = z.output<typeof mockScriptSchema>;
export type MockRule = MockScript['rules'][number];
export type MockTurn = MockRule['turns'][number];
export type MockToolUse = z.output<typeof toolUseSchema>;
export type MockErrorSpec = NonNullable<MockTurn['error']>;
export type MockUsage = NonNullable<MockTurn['usage']>;

/** The reply to prompts no rule matches, when the script has no `default`. */
export const BUILTIN_DEFAULT_TURN: MockTurn = { text: 'Mock reply: {{prompt}}' };
