/**
 * A reply in the OpenAI Responses API shape, as codex reads it: output items
 * (an assistant `message`, a `function_call`, or a `custom_tool_call` for
 * free-text tools such as `apply_patch`), streamed as `response.created`,
 * `response.output_item.added`, `response.output_text.delta`,
 * `response.output_item.done` and `response.completed` (with the usage).
 */
import { answerBlocks, mockId, type AnswerBlock, type Reply } from './reply.js';
import { chunkText, DEFAULT_CHUNK_SIZE, type SseEvent } from './sse.js';

type OutputItem = Record<string, unknown> & { id: string; type: string };

function toolInputText(input: Record<string, unknown>): string {
  const keys = Object.keys(input);
  const only = keys.length === 1 ? input[keys[0] ?? ''] : undefined;
  return typeof only === 'string' ? only : JSON.stringify(input);
}

/** A custom tool gets its input as text: the one string field of `input`, else its JSON. */
export function outputItem(block: AnswerBlock, customTools: ReadonlySet<string>): OutputItem {
  if (block.type === 'text') {
    return {
      id: mockId('msg'),
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: block.text, annotations: [] }],
    };
  }
  if (customTools.has(block.name)) {
    return {
      id: mockId('toolu'),
      type: 'custom_tool_call',
      status: 'completed',
      call_id: block.id,
      name: block.name,
      input: toolInputText(block.input),
    };
  }
  return {
    id: mockId('toolu'),
    type: 'function_call',
    status: 'completed',
    call_id: block.id,
    name: block.name,
    arguments: JSON.stringify(block.input),
  };
}

export function responseObject(reply: Reply, output: OutputItem[], status: string) {
  const { input_tokens, output_tokens } = reply.usage;
  return {
    id: reply.id.replace(/^msg_/, 'resp_'),
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status,
    model: reply.model,
    output,
    usage:
      status === 'completed'
        ? {
            input_tokens,
            input_tokens_details: { cached_tokens: 0 },
            output_tokens,
            output_tokens_details: { reasoning_tokens: 0 },
            total_tokens: input_tokens + output_tokens,
          }
        : null,
  };
}

function itemEvents(item: OutputItem, index: number, chunkSize: number): SseEvent[] {
  const event = (type: string, data: Record<string, unknown>): SseEvent => ({
    event: type,
    data: { type, output_index: index, ...data },
  });
  const deltas: SseEvent[] = [];
  if (item.type === 'message') {
    const text = (item['content'] as { text: string }[])[0]?.text ?? '';
    for (const delta of chunkText(text, chunkSize)) {
      deltas.push(
        event('response.output_text.delta', { item_id: item.id, content_index: 0, delta }),
      );
    }
  }
  const added =
    item.type === 'message'
      ? { ...item, status: 'in_progress', content: [] }
      : { ...item, status: 'in_progress' };
  return [
    event('response.output_item.added', { item: added }),
    ...deltas,
    event('response.output_item.done', { item }),
  ];
}

/** Every event of one streamed reply, in order. */
export function responsesEvents(
  reply: Reply,
  customTools: ReadonlySet<string>,
  chunkSize = DEFAULT_CHUNK_SIZE,
): SseEvent[] {
  const output = answerBlocks(reply).map((block) => outputItem(block, customTools));
  const events: SseEvent[] = [
    {
      event: 'response.created',
      data: { type: 'response.created', response: responseObject(reply, [], 'in_progress') },
    },
    ...output.flatMap((item, index) => itemEvents(item, index, chunkSize)),
    {
      event: 'response.completed',
      data: { type: 'response.completed', response: responseObject(reply, output, 'completed') },
    },
  ];
  return events.map((e, sequence_number) => ({ ...e, data: { ...e.data, sequence_number } }));
}
