/**
 * claude's `--json-schema`: the request offers a `StructuredOutput` tool whose
 * input schema is the answer's, and claude ends the run once the model calls
 * it with a valid object. The mock calls it when the scripted text is a JSON
 * object (so one script answers claude through the tool and codex or gemini
 * with the same text), and with a sample of the schema for the built-in
 * default reply. Any other text stays text (claude then asks again).
 */
import { mockId, type Reply } from './reply.js';
import { estimateTokens } from './request.js';
import { sampleFromSchema } from './schema-sample.js';

export const STRUCTURED_OUTPUT_TOOL = 'StructuredOutput';

/** The input schema of the StructuredOutput tool the request offers, or undefined. */
export function structuredOutputSchema(tools: readonly unknown[] | undefined): unknown {
  const tool = tools?.find(
    (t) => (t as { name?: unknown } | null)?.name === STRUCTURED_OUTPUT_TOOL,
  ) as { input_schema?: unknown } | undefined;
  return tool ? (tool.input_schema ?? {}) : undefined;
}

/** The object a text reply holds, when the whole text is one JSON object. */
function jsonObjectOf(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** `reply` as a call of the StructuredOutput tool, or null when it stays as it is. */
export function asStructuredOutput(
  reply: Reply,
  schema: unknown,
  isDefault: boolean,
): Reply | null {
  if (reply.content.some((block) => block.type === 'tool_use')) return null;
  const text = reply.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  const input =
    jsonObjectOf(text.trim()) ??
    (isDefault ? (sampleFromSchema(schema) as Record<string, unknown>) : null);
  if (input === null) return null;
  const kept = reply.content.filter((block) => block.type === 'thinking');
  return {
    ...reply,
    content: [
      ...kept,
      { type: 'tool_use', id: mockId('toolu'), name: STRUCTURED_OUTPUT_TOOL, input },
    ],
    stopReason: 'tool_use',
    usage: { ...reply.usage, output_tokens: estimateTokens(JSON.stringify(input)) },
  };
}
