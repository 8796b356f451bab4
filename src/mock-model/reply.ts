/**
 * The assistant message a turn becomes: content blocks (thinking, text, tool
 * uses), stop reason and usage, with `{{prompt}}`, `{{turn}}` and `{{model}}`
 * filled in.
 */
import { randomBytes } from 'node:crypto';
import { estimateTokens } from './request.js';
import { toolUsesOf, type MockTurn } from './script.js';

export interface ReplyContext {
  prompt: string;
  turn: number;
  model: string;
  /** The estimated size of the request, reported unless the turn overrides `usage`. */
  inputTokens: number;
}

export type ContentBlock =
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

/** The blocks the other vendors' replies carry: the mock's thinking is Anthropic-only. */
export type AnswerBlock = Exclude<ContentBlock, { type: 'thinking' }>;

export interface Reply {
  id: string;
  model: string;
  content: ContentBlock[];
  stopReason: 'end_turn' | 'tool_use' | 'max_tokens';
  usage: { input_tokens: number; output_tokens: number };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An id shaped like the API's: `msg_01` + 22 base-62 characters. */
export function mockId(prefix: 'msg' | 'toolu' | 'req'): string {
  const bytes = randomBytes(22);
  let tail = '';
  for (const byte of bytes) tail += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_01${tail}`;
}

export function renderTemplate(text: string, context: ReplyContext): string {
  return text.replace(/\{\{\s*(prompt|turn|model)\s*\}\}/g, (_, name: string) =>
    name === 'prompt' ? context.prompt : name === 'turn' ? String(context.turn) : context.model,
  );
}

function renderValue(value: unknown, context: ReplyContext): unknown {
  if (typeof value === 'string') return renderTemplate(value, context);
  if (Array.isArray(value)) return value.map((item) => renderValue(item, context));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [key, renderValue(item, context)]);
    return Object.fromEntries(entries);
  }
  return value;
}

function blocksOf(turn: MockTurn, context: ReplyContext): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  if (turn.thinking !== undefined) {
    const thinking = renderTemplate(turn.thinking, context);
    blocks.push({ type: 'thinking', thinking, signature: mockSignature(thinking) });
  }
  if (turn.text !== undefined) {
    blocks.push({ type: 'text', text: renderTemplate(turn.text, context) });
  }
  for (const toolUse of toolUsesOf(turn)) {
    const input = renderValue(toolUse.input, context) as Record<string, unknown>;
    const id = toolUse.id ?? mockId('toolu');
    blocks.push({ type: 'tool_use', id, name: toolUse.name, input });
  }
  return blocks;
}

/** The API signs thinking so it can be sent back; claude only passes the signature on. */
function mockSignature(thinking: string): string {
  return Buffer.from(`mock-signature:${thinking.length}`).toString('base64');
}

function blockSize(block: ContentBlock): string {
  if (block.type === 'text') return block.text;
  if (block.type === 'thinking') return block.thinking;
  return JSON.stringify(block.input);
}

function outputSize(blocks: readonly ContentBlock[]): string {
  return blocks.map(blockSize).join('');
}

/** The reply to a text or toolUse turn. */
export function buildReply(turn: MockTurn, context: ReplyContext): Reply {
  const content = blocksOf(turn, context);
  return {
    id: mockId('msg'),
    model: context.model,
    content,
    stopReason: turn.toolUse ? 'tool_use' : (turn.stopReason ?? 'end_turn'),
    usage: {
      input_tokens: turn.usage?.input_tokens ?? context.inputTokens,
      output_tokens: turn.usage?.output_tokens ?? estimateTokens(outputSize(content)),
    },
  };
}

/** The whole message, as a non-streaming request receives it. */
export function messageJson(reply: Reply): Record<string, unknown> {
  return {
    id: reply.id,
    type: 'message',
    role: 'assistant',
    model: reply.model,
    content: reply.content,
    stop_reason: reply.stopReason,
    stop_sequence: null,
    usage: { ...reply.usage, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
  };
}

/** The reply's text and tool uses, without thinking. */
export function answerBlocks(reply: Reply): AnswerBlock[] {
  return reply.content.filter((block): block is AnswerBlock => block.type !== 'thinking');
}
