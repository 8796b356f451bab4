import { afterEach, describe, expect, test } from 'vitest';
import {
  startMockModel,
  type MockModel,
  type MockScriptInput,
} from '../../src/mock-model/index.js';

let model: MockModel | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

async function start(script?: MockScriptInput): Promise<MockModel> {
  model = await startMockModel({ script });
  return model;
}

function post(path: string, body: unknown): Promise<Response> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return fetch(`${model?.url}${path}`, {
    method: 'POST',
    body: text,
    headers: { 'content-type': 'application/json' },
  });
}

const ask = (prompt: string, extra: Record<string, unknown> = {}) => ({
  model: 'claude-test-1',
  max_tokens: 100,
  messages: [{ role: 'user', content: prompt }],
  ...extra,
});

function sseEvents(text: string): { event: string; data: Record<string, unknown> }[] {
  return text
    .split('\n\n')
    .filter((frame) => frame.trim() !== '')
    .map((frame) => {
      const event = /^event: (.*)$/m.exec(frame)?.[1] ?? '';
      const data = JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? '{}') as Record<string, unknown>;
      return { event, data };
    });
}

describe('startMockModel', () => {
  test('it listens on loopback on a free port', async () => {
    const server = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  test('a streamed request gets the scripted text as Server-Sent Events', async () => {
    await start({
      rules: [{ match: 'hi', turns: [{ text: 'Hello, {{prompt}}! ({{model}}, turn {{turn}})' }] }],
    });
    const res = await post('/v1/messages?beta=true', ask('hi there', { stream: true }));
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = sseEvents(await res.text());
    const text = events
      .filter((e) => e.event === 'content_block_delta')
      .map((e) => (e.data['delta'] as { text: string }).text)
      .join('');
    expect(text).toBe('Hello, hi there! (claude-test-1, turn 0)');
    expect(events.at(-1)?.event).toBe('message_stop');
    expect(model?.requests[0]).toMatchObject({
      path: '/v1/messages',
      prompt: 'hi there',
      turn: 0,
      rule: 0,
      answer: 'text',
      status: 200,
      stream: true,
    });
  });

  test('a request without stream gets one JSON message', async () => {
    await start({
      default: { toolUse: { name: 'Bash', input: { command: 'ls' } }, usage: { output_tokens: 7 } },
    });
    const body = (await (await post('/v1/messages', ask('quota'))).json()) as Record<
      string,
      unknown
    >;
    expect(body).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-test-1',
      stop_reason: 'tool_use',
      usage: { output_tokens: 7 },
    });
    expect(body['content']).toEqual([
      {
        type: 'tool_use',
        id: expect.stringMatching(/^toolu_01/),
        name: 'Bash',
        input: { command: 'ls' },
      },
    ]);
  });

  test('a scripted error is an Anthropic error body with its status and headers', async () => {
    await start({ default: { error: { status: 529, retryAfter: 0, shouldRetry: false } } });
    const res = await post('/v1/messages', ask('x', { stream: true }));
    expect(res.status).toBe(529);
    expect(res.headers.get('retry-after')).toBe('0');
    expect(res.headers.get('x-should-retry')).toBe('false');
    expect(await res.json()).toMatchObject({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
  });

  test('a 429 carries the rate-limit headers, its reset retryAfter seconds away', async () => {
    await start({ default: { error: { status: 429, retryAfter: 30 } } });
    const before = Date.now();
    const res = await post('/v1/messages', ask('x', { stream: true }));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.headers.get('anthropic-ratelimit-requests-limit')).toBe('50');
    expect(res.headers.get('anthropic-ratelimit-requests-remaining')).toBe('0');
    const reset = Date.parse(res.headers.get('anthropic-ratelimit-requests-reset') ?? '');
    expect(reset).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 29_000);
    expect(reset).toBeLessThanOrEqual(Date.now() + 31_000);
    expect(res.headers.get('anthropic-ratelimit-tokens-remaining')).toBe(
      res.headers.get('anthropic-ratelimit-tokens-limit'),
    );
    expect(await res.json()).toMatchObject({ error: { type: 'rate_limit_error' } });
  });

  test('a midStream error breaks a stream with an error event; without a stream it is the status', async () => {
    await start({ default: { error: { status: 529, midStream: true }, text: 'Half an' } });
    const streamed = await post('/v1/messages', ask('x', { stream: true }));
    expect(streamed.status).toBe(200);
    const events = sseEvents(await streamed.text());
    expect(events.map((e) => e.event)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'error',
    ]);
    expect(events[3]?.data).toMatchObject({ delta: { type: 'text_delta', text: 'Half an' } });
    expect(events[4]?.data).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    });
    const plain = await post('/v1/messages', ask('x'));
    expect(plain.status).toBe(529);
    expect(await plain.json()).toMatchObject({ error: { type: 'overloaded_error' } });
    expect(model?.requests.map((r) => [r.answer, r.status])).toEqual([
      ['stream_error', 200],
      ['error', 529],
    ]);
  });

  test('a drop closes the connection: after the first text in a stream, at once without one', async () => {
    await start({ default: { drop: true, text: 'Half' } });
    const streamed = await post('/v1/messages', ask('x', { stream: true }));
    expect(streamed.status).toBe(200);
    await expect(streamed.text()).rejects.toThrow();
    await expect(post('/v1/messages', ask('x'))).rejects.toThrow();
    expect(model?.requests.map((r) => [r.answer, r.status])).toEqual([
      ['drop', null],
      ['drop', null],
    ]);
  });

  test('thinking, several tool uses and a max_tokens stop are streamed as the API does', async () => {
    await start({
      rules: [
        {
          match: 'tools',
          turns: [{ thinking: 'Plan.', toolUse: [{ name: 'Read' }, { name: 'Write' }] }],
        },
        { match: 'long', turns: [{ text: 'cut', stopReason: 'max_tokens' }] },
      ],
    });
    const tools = sseEvents(
      await (await post('/v1/messages', ask('tools', { stream: true }))).text(),
    );
    const starts = tools.filter((e) => e.event === 'content_block_start');
    expect(starts.map((e) => (e.data['content_block'] as { type: string }).type)).toEqual([
      'thinking',
      'tool_use',
      'tool_use',
    ]);
    const deltas = tools
      .filter((e) => e.event === 'content_block_delta' && e.data['index'] === 0)
      .map((e) => (e.data['delta'] as { type: string }).type);
    expect(deltas).toEqual(['thinking_delta', 'signature_delta']);
    expect(tools.find((e) => e.event === 'message_delta')?.data).toMatchObject({
      delta: { stop_reason: 'tool_use' },
    });
    const long = (await (await post('/v1/messages', ask('long'))).json()) as Record<
      string,
      unknown
    >;
    expect(long).toMatchObject({
      stop_reason: 'max_tokens',
      content: [{ type: 'text', text: 'cut' }],
    });
  });

  test('malformed JSON gets a 400 invalid_request_error', async () => {
    await start();
    const res = await post('/v1/messages', '{"model": ');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/^Request body is not valid JSON/);
    expect(model?.requests[0]?.answer).toBe('bad_request');
  });

  test('a request without messages gets a 400 that names the field', async () => {
    await start();
    const res = await post('/v1/messages', { model: 'm' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /messages: /,
    );
  });

  test('an unknown path gets a 404 not_found_error', async () => {
    await start();
    const res = await fetch(`${model?.url}/v1/complete`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
  });

  test('token counting, the hello preconnect and model listing are answered', async () => {
    await start();
    const count = await post('/v1/messages/count_tokens?beta=true', ask('count me'));
    expect(((await count.json()) as { input_tokens: number }).input_tokens).toBeGreaterThan(0);
    expect((await fetch(`${model?.url}/api/hello`, { method: 'HEAD' })).status).toBe(200);
    expect(await (await fetch(`${model?.url}/v1/models`)).json()).toMatchObject({
      data: [],
      has_more: false,
    });
    expect(model?.requests.map((r) => r.answer)).toEqual(['count_tokens', 'hello', 'models']);
  });

  test('a request asking for a JSON schema gets a value of that shape', async () => {
    await start({ default: { error: { status: 500 } } });
    const format = {
      type: 'json_schema',
      schema: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
    };
    const body = (await (
      await post('/v1/messages', ask('title?', { output_config: { format } }))
    ).json()) as { content: { text: string }[] };
    expect(JSON.parse(body.content[0]?.text ?? '')).toEqual({ title: 'mock' });
    expect(model?.requests[0]?.answer).toBe('structured');
  });

  test('close ends at once even while a reply hangs or waits', async () => {
    await start({
      rules: [
        { match: 'hang', turns: [{ hang: true }] },
        { match: 'wait', turns: [{ text: 'late', delayMs: 60_000 }] },
      ],
    });
    const hanging = post('/v1/messages', ask('hang', { stream: true })).then(
      () => 'answered',
      () => 'failed',
    );
    const waiting = post('/v1/messages', ask('wait', { stream: true })).then(
      () => 'answered',
      () => 'failed',
    );
    while (
      (model?.requests.length ?? 0) < 2 ||
      model?.requests.some((r) => r.answer === 'not_found')
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(model?.requests.map((r) => [r.answer, r.status])).toEqual([
      ['hang', null],
      ['text', null],
    ]);
    // Far below the 60 s reply it would wait for (and forever for the hang),
    // with room for a loaded machine.
    const started = Date.now();
    await model?.close();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await hanging).toBe('failed');
    expect(await waiting).toBe('failed');
  });

  test('an invalid script is refused before the server starts', async () => {
    await expect(startMockModel({ script: { rules: [{ turns: [] }] } })).rejects.toThrow(
      /rules\[0\]\.turns/,
    );
    await expect(startMockModel({ port: -1 })).rejects.toThrow(
      'Expected `port` to be an integer from 0 to 65535, got `-1` (number)',
    );
  });
});
