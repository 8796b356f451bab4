/**
 * What the mock model reads from a Messages API request: the model, the
 * prompt (the text of the first user message) and the turn (how many
 * assistant messages the conversation already has).
 */
import { z } from 'zod';

const contentSchema = z.union([z.string(), z.array(z.unknown())]);

const messageSchema = z.looseObject({ role: z.string(), content: contentSchema });

export const messagesRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(messageSchema),
  stream: z.boolean().optional(),
  max_tokens: z.number().optional(),
  tools: z.array(z.unknown()).optional(),
});

export type MessagesRequest = z.infer<typeof messagesRequestSchema>;
type MessageContent = z.infer<typeof contentSchema>;

/** Claude prepends `<system-reminder>` blocks to the prompt; they are not the user's text. */
const SYSTEM_REMINDER = /<system-reminder>[\s\S]*?<\/system-reminder>/g;

function blockText(block: unknown): string {
  if (typeof block === 'string') return block;
  if (block === null || typeof block !== 'object') return '';
  const { type, text } = block as { type?: unknown; text?: unknown };
  return type === 'text' && typeof text === 'string' ? text : '';
}

/** The user's own text in one message's content, without system reminders. */
export function contentText(content: MessageContent): string {
  const blocks = typeof content === 'string' ? [content] : content;
  return blocks
    .map((block) => blockText(block).replace(SYSTEM_REMINDER, '').trim())
    .filter((text) => text !== '')
    .join('\n');
}

/** The prompt: the user's text in the first user message ('' when there is none). */
export function promptOf(request: MessagesRequest): string {
  const first = request.messages.find((message) => message.role === 'user');
  return first ? contentText(first.content) : '';
}

/** The turn: how many assistant messages the request already holds (0 for the first call). */
export function turnOf(request: MessagesRequest): number {
  return request.messages.filter((message) => message.role === 'assistant').length;
}

/** The JSON schema a request asks the reply to follow (claude's session-title helper), if any. */
export function outputSchemaOf(request: MessagesRequest): unknown {
  const config = request['output_config'] as { format?: { type?: unknown; schema?: unknown } };
  const legacy = request['output_format'] as { type?: unknown; schema?: unknown } | undefined;
  const format = config?.format ?? legacy;
  return format?.type === 'json_schema' ? format.schema : undefined;
}

/** A rough token count, as the real API would bill: about 4 characters a token. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
