import { describe, expect, test } from 'vitest';
import {
  messagesRequestSchema,
  outputSchemaOf,
  promptOf,
  turnOf,
} from '../../src/mock-model/request.js';

const reminder = '<system-reminder>\nAttribution for git commits...\n</system-reminder>\n';

function request(messages: unknown[], extra: Record<string, unknown> = {}) {
  return messagesRequestSchema.parse({ model: 'claude-test', messages, ...extra });
}

describe('promptOf', () => {
  test("claude's system reminders are not part of the prompt", () => {
    const req = request([
      {
        role: 'user',
        content: [
          { type: 'text', text: reminder },
          { type: 'text', text: 'say hello' },
        ],
      },
    ]);
    expect(promptOf(req)).toBe('say hello');
  });

  test('a reminder inside the same text block is removed too', () => {
    expect(promptOf(request([{ role: 'user', content: `${reminder}  do it ` }]))).toBe('do it');
  });

  test('the prompt is the first user message, whatever follows it', () => {
    const req = request([
      { role: 'user', content: [{ type: 'text', text: 'first' }] },
      { role: 'system', content: [{ type: 'text', text: 'environment' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'Write', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'ok' }] },
    ]);
    expect(promptOf(req)).toBe('first');
    expect(turnOf(req)).toBe(1);
  });

  test('text blocks are joined and non-text blocks ignored', () => {
    const req = request([
      {
        role: 'user',
        content: [{ type: 'text', text: 'a' }, { type: 'image' }, { type: 'text', text: 'b' }],
      },
    ]);
    expect(promptOf(req)).toBe('a\nb');
    expect(promptOf(request([]))).toBe('');
  });
});

describe('outputSchemaOf', () => {
  test('a json_schema output format is found in output_config', () => {
    const schema = { type: 'object', properties: { title: { type: 'string' } } };
    expect(
      outputSchemaOf(request([], { output_config: { format: { type: 'json_schema', schema } } })),
    ).toEqual(schema);
    expect(outputSchemaOf(request([], { output_config: { effort: 'medium' } }))).toBeUndefined();
  });
});
