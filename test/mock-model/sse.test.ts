import { describe, expect, test } from 'vitest';
import type { Reply } from '../../src/mock-model/reply.js';
import { chunkText, formatSse, replyEvents } from '../../src/mock-model/sse.js';

const reply: Reply = {
  id: 'msg_01test',
  model: 'claude-test',
  content: [
    { type: 'text', text: 'I will write it.' },
    {
      type: 'tool_use',
      id: 'toolu_01x',
      name: 'Write',
      input: { file_path: 'a.txt', content: 'hi' },
    },
  ],
  stopReason: 'tool_use',
  usage: { input_tokens: 120, output_tokens: 9 },
};

describe('replyEvents', () => {
  test('the events follow the order of the Messages API stream', () => {
    const names = replyEvents(reply, 8).map((event) => event.event);
    expect(names[0]).toBe('message_start');
    expect(names[1]).toBe('ping');
    expect(names.slice(-2)).toEqual(['message_delta', 'message_stop']);
    expect(names.filter((name) => name === 'content_block_start')).toHaveLength(2);
    expect(names.filter((name) => name === 'content_block_stop')).toHaveLength(2);
  });

  test('message_start echoes the id, the model and the input tokens', () => {
    const [start] = replyEvents(reply);
    expect(start?.data).toMatchObject({
      type: 'message_start',
      message: {
        id: 'msg_01test',
        model: 'claude-test',
        role: 'assistant',
        usage: { input_tokens: 120, output_tokens: 1 },
      },
    });
  });

  test('text and tool input arrive in deltas that add up to the whole', () => {
    const events = replyEvents(reply, 5);
    const deltas = (index: number) =>
      events
        .filter((event) => event.event === 'content_block_delta' && event.data['index'] === index)
        .map(
          (event) => event.data['delta'] as { type: string; text?: string; partial_json?: string },
        );
    expect(deltas(0).every((delta) => delta.type === 'text_delta')).toBe(true);
    expect(
      deltas(0)
        .map((delta) => delta.text)
        .join(''),
    ).toBe('I will write it.');
    expect(deltas(1).length).toBeGreaterThan(1);
    expect(
      JSON.parse(
        deltas(1)
          .map((delta) => delta.partial_json)
          .join(''),
      ),
    ).toEqual(reply.content[1]?.type === 'tool_use' && reply.content[1].input);
  });

  test('message_delta carries the stop reason and the output tokens', () => {
    const delta = replyEvents(reply).find((event) => event.event === 'message_delta');
    expect(delta?.data).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: { output_tokens: 9 },
    });
  });

  test('an event is written as an event line and a data line', () => {
    expect(formatSse({ event: 'ping', data: { type: 'ping' } })).toBe(
      'event: ping\ndata: {"type":"ping"}\n\n',
    );
  });
});

describe('chunkText', () => {
  test('chunks never split a surrogate pair', () => {
    expect(chunkText('a😀b😀', 1)).toEqual(['a', '😀', 'b', '😀']);
    expect(chunkText('', 4)).toEqual([]);
  });
});
