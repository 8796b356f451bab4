/**
 * What the mock model reads from a Gemini API request (gemini-cli's
 * `POST /v1beta/models/MODEL:streamGenerateContent?alt=sse`): the prompt, the
 * turn, and the JSON schema the reply must follow when there is one.
 */
import { z } from 'zod';

const partSchema = z.looseObject({ text: z.string().optional() });
const contentSchema = z.looseObject({
  role: z.string().optional(),
  parts: z.array(partSchema).default([]),
});

export const geminiRequestSchema = z.looseObject({
  contents: z.array(contentSchema),
  generationConfig: z
    .looseObject({
      responseJsonSchema: z.unknown().optional(),
      responseSchema: z.unknown().optional(),
    })
    .optional(),
});

export type GeminiRequest = z.infer<typeof geminiRequestSchema>;

/** Context gemini-cli adds to the first message: `<session_context>…</session_context>`. */
const CONTEXT_BLOCK = /^\s*<([a-z_]+)>[\s\S]*<\/\1>\s*$/;

/** The model is in the path: `/v1beta/models/gemini-2.5-flash:streamGenerateContent`. */
export function geminiPath(path: string): { model: string; method: string } | null {
  const match = /^\/v1(?:beta|alpha)?\/models\/([^/:]+):([A-Za-z]+)$/.exec(path);
  return match ? { model: decodeURIComponent(match[1] ?? ''), method: match[2] ?? '' } : null;
}

/** The prompt: the user's own text in the first user message ('' when none). */
export function geminiPromptOf(request: GeminiRequest): string {
  for (const content of request.contents) {
    if (content.role !== undefined && content.role !== 'user') continue;
    const own = content.parts
      .map((part) => part.text ?? '')
      .filter((text) => text.trim() !== '' && !CONTEXT_BLOCK.test(text));
    if (own.length > 0) return own.join('\n').trim();
  }
  return '';
}

/** The turn: how many model messages the conversation already holds. */
export function geminiTurnOf(request: GeminiRequest): number {
  return request.contents.filter((content) => content.role === 'model').length;
}

/** The schema a request asks the reply to follow (gemini-cli's helper calls), if any. */
export function geminiSchemaOf(request: GeminiRequest): unknown {
  const config = request.generationConfig;
  return config?.responseJsonSchema ?? config?.responseSchema;
}
