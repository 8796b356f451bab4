import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockModel, type MockModel } from '../../src/mock-model/index.js';

// The Responses and Gemini routes at the HTTP level, without the CLIs.
let model: MockModel;

beforeAll(async () => {
  model = await startMockModel({
    script: {
      rules: [
        { match: 'fail', turns: [{ error: { status: 429 } }] },
        { match: 'tool', turns: [{ toolUse: { name: 'write_file', input: { file_path: 'a' } } }] },
      ],
      default: { text: 'Hi {{prompt}}', usage: { input_tokens: 7, output_tokens: 3 } },
    },
  });
});

afterAll(async () => {
  await model.close();
});

const post = (path: string, body: unknown) =>
  fetch(`${model.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the Responses route', () => {
  it('streams the reply as Responses events, ending with response.completed and its usage', async () => {
    const res = await post('/v1/responses', {
      model: 'm',
      stream: true,
      input: [
        {
          type: 'message',
          role: 'user',
          content: [{ type: 'input_text', text: '<environment_context>x</environment_context>' }],
        },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'there' }] },
      ],
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    const types = [...text.matchAll(/^event: (.+)$/gm)].map((m) => m[1]);
    expect(types[0]).toBe('response.created');
    expect(types.at(-1)).toBe('response.completed');
    expect(text).toContain('"delta":"Hi there"');
    expect(text).toContain(
      '"input_tokens":7,"input_tokens_details":{"cached_tokens":0},"output_tokens":3',
    );
    expect(model.requests.at(-1)).toMatchObject({ prompt: 'there', turn: 0, answer: 'text' });
  });

  it('counts the model replies already in the input as the turn', async () => {
    const res = await post('/v1/responses', {
      model: 'm',
      input: [
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'go' }] },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'a' }] },
        { type: 'function_call', name: 'f', arguments: '{}', call_id: 'c' },
        { type: 'function_call_output', call_id: 'c', output: 'ok' },
      ],
    });
    expect(res.status).toBe(200);
    expect(model.requests.at(-1)).toMatchObject({ turn: 1 });
  });

  it('answers a scripted error in the OpenAI shape, and a bad request with 400 naming the field', async () => {
    const failed = await post('/v1/responses', { model: 'm', input: 'please fail' });
    expect(failed.status).toBe(429);
    expect(await failed.json()).toMatchObject({ error: { type: 'rate_limit_exceeded' } });
    const bad = await post('/v1/responses', { input: 'no model' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('model');
  });
});

describe('the Gemini route', () => {
  it('answers generateContent with candidates and usageMetadata, the prompt without the session context', async () => {
    const res = await post('/v1beta/models/gemini-x:generateContent', {
      contents: [
        {
          role: 'user',
          parts: [{ text: '<session_context>\nx\n</session_context>' }, { text: 'you' }],
        },
      ],
    });
    expect(await res.json()).toMatchObject({
      candidates: [
        { content: { role: 'model', parts: [{ text: 'Hi you' }] }, finishReason: 'STOP' },
      ],
      usageMetadata: { promptTokenCount: 7, candidatesTokenCount: 3, totalTokenCount: 10 },
      modelVersion: 'gemini-x',
    });
    expect(model.requests.at(-1)).toMatchObject({ model: 'gemini-x', prompt: 'you', turn: 0 });
  });

  it('streams a tool call as a functionCall part on data: frames', async () => {
    const res = await post('/v1beta/models/gemini-x:streamGenerateContent?alt=sse', {
      contents: [{ role: 'user', parts: [{ text: 'use a tool' }] }],
    });
    const frames = (await res.text()).split('\r\n\r\n').filter(Boolean);
    expect(frames.every((f) => f.startsWith('data: '))).toBe(true);
    const last = JSON.parse(frames.at(-1)!.slice(6));
    expect(last.candidates[0].content.parts[0]).toEqual({
      functionCall: { name: 'write_file', args: { file_path: 'a' } },
    });
  });

  it('answers a scripted error in the Google shape', async () => {
    const res = await post('/v1beta/models/gemini-x:streamGenerateContent?alt=sse', {
      contents: [{ role: 'user', parts: [{ text: 'fail now' }] }],
    });
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual({
      error: { code: 429, message: expect.any(String), status: 'RESOURCE_EXHAUSTED' },
    });
  });
});
