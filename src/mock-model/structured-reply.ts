/** The reply to a request that asks for JSON following a schema (the CLIs' helper calls): a sample of it. */
import { mockId, type Reply } from './reply.js';
import { estimateTokens } from './request.js';
import { sampleFromSchema } from './schema-sample.js';

export function structuredReply(schema: unknown, model: string, inputTokens: number): Reply {
  const text = JSON.stringify(sampleFromSchema(schema));
  return {
    id: mockId('msg'),
    model,
    content: [{ type: 'text', text }],
    stopReason: 'end_turn',
    usage: { input_tokens: inputTokens, output_tokens: estimateTokens(text) },
  };
}
