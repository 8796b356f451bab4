/**
 * What the mock model reads from an OpenAI Responses API request (codex's
 * `POST /v1/responses`): the model, the prompt, the turn, and which tools
 * are "custom" (free-text input, like codex's `apply_patch`).
 */
import { z } from 'zod';

const itemSchema = z.looseObject({ type: z.string().optional(), role: z.string().optional() });

export const responsesRequestSchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(itemSchema)]),
  stream: z.boolean().optional(),
  tools: z
    .array(z.looseObject({ type: z.string().optional(), name: z.string().optional() }))
    .optional(),
});

export type ResponsesRequest = z.infer<typeof responsesRequestSchema>;
type Item = z.infer<typeof itemSchema>;

/** Context codex adds as user messages: `<environment_context>…</environment_context>`, AGENTS.md. */
const CONTEXT_BLOCK = /^\s*(<([a-z_]+)>[\s\S]*<\/\2>\s*$|# AGENTS\.md instructions)/;

function itemTexts(item: Item): string[] {
  const content = item['content'];
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  return content
    .map((part: { type?: unknown; text?: unknown }) =>
      (part?.type === 'input_text' || part?.type === 'output_text') && typeof part.text === 'string'
        ? part.text
        : '',
    )
    .filter((text) => text !== '');
}

/** The prompt: the first user text that is not context codex added ('' when none). */
export function responsesPromptOf(request: ResponsesRequest): string {
  if (typeof request.input === 'string') return request.input;
  for (const item of request.input) {
    if (item.role !== 'user') continue;
    const own = itemTexts(item).filter((text) => !CONTEXT_BLOCK.test(text));
    if (own.length > 0) return own.join('\n').trim();
  }
  return '';
}

const MODEL_ITEMS = new Set(['function_call', 'custom_tool_call', 'reasoning', 'local_shell_call']);

function isModelItem(item: Item): boolean {
  return item.role === 'assistant' || (item.type !== undefined && MODEL_ITEMS.has(item.type));
}

/** The turn: how many model replies the input already holds (a run of model items is one reply). */
export function responsesTurnOf(request: ResponsesRequest): number {
  if (typeof request.input === 'string') return 0;
  let turns = 0;
  let inReply = false;
  for (const item of request.input) {
    const model = isModelItem(item);
    if (model && !inReply) turns++;
    inReply = model;
  }
  return turns;
}

/** Names of the request's tools that take free text instead of JSON arguments. */
export function customToolNames(request: ResponsesRequest): Set<string> {
  const names = new Set<string>();
  for (const tool of request.tools ?? []) {
    if (tool.type === 'custom' && tool.name) names.add(tool.name);
  }
  return names;
}
