/**
 * A reply in the Gemini API shape: `candidates[0].content.parts` (text parts
 * and `functionCall` parts), `finishReason`, `usageMetadata`. Streamed as
 * `data:` frames, text split over several chunks, usage on the last one.
 */
import { answerBlocks, type Reply } from './reply.js';
import { chunkText, DEFAULT_CHUNK_SIZE } from './sse.js';

type Part = { text: string } | { functionCall: { name: string; args: Record<string, unknown> } };

function usageMetadata(reply: Reply) {
  const { input_tokens, output_tokens } = reply.usage;
  return {
    promptTokenCount: input_tokens,
    candidatesTokenCount: output_tokens,
    totalTokenCount: input_tokens + output_tokens,
  };
}

function chunk(reply: Reply, parts: Part[], last: boolean): Record<string, unknown> {
  return {
    candidates: [
      { content: { role: 'model', parts }, index: 0, ...(last ? { finishReason: 'STOP' } : {}) },
    ],
    ...(last ? { usageMetadata: usageMetadata(reply) } : {}),
    modelVersion: reply.model,
    responseId: reply.id,
  };
}

function partsOf(reply: Reply, chunkSize: number): Part[][] {
  const groups: Part[][] = [];
  for (const block of answerBlocks(reply)) {
    if (block.type === 'text')
      groups.push(...chunkText(block.text, chunkSize).map((text) => [{ text }]));
    else groups.push([{ functionCall: { name: block.name, args: block.input } }]);
  }
  return groups;
}

/** The whole reply as one response (generateContent). */
export function geminiResponse(reply: Reply): Record<string, unknown> {
  return chunk(reply, partsOf(reply, Number.MAX_SAFE_INTEGER).flat(), true);
}

/** The reply as stream chunks (streamGenerateContent); the last carries finishReason and usage. */
export function geminiChunks(
  reply: Reply,
  chunkSize = DEFAULT_CHUNK_SIZE,
): Record<string, unknown>[] {
  const groups = partsOf(reply, chunkSize);
  if (groups.length === 0) groups.push([{ text: '' }]);
  return groups.map((parts, index) => chunk(reply, parts, index === groups.length - 1));
}

export function formatDataFrame(data: unknown): string {
  return `data: ${JSON.stringify(data)}\r\n\r\n`;
}
