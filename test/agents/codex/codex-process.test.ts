import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codexDriver } from '../../../src/agents/codex/codex-driver.js';
import { withPrices } from '../../../src/process/priced-driver.js';
import { startMockAgents, type MockAgents } from '../../helpers/mock-agents.js';

// The real `codex` binary against the scripted fake model (OpenAI Responses API): one server for the file.
let mock: MockAgents;

beforeAll(async () => {
  mock = await startMockAgents({
    rules: [
      {
        match: 'write the greeting file',
        turns: [
          {
            text: 'Writing it.',
            toolUse: {
              name: 'apply_patch',
              input: {
                input:
                  '*** Begin Patch\n*** Add File: greeting.txt\n+hello from the model\n*** End Patch\n',
              },
            },
          },
          { text: 'I wrote greeting.txt.' },
        ],
      },
      { match: 'bad key please', turns: [{ error: { status: 401 } }] },
      { match: 'rate limit me', turns: [{ error: { status: 429 } }] },
      { match: 'server error please', turns: [{ error: { status: 500 } }] },
      {
        match: 'use it all up',
        turns: [
          {
            error: {
              status: 429,
              type: 'usage_limit_reached',
              message: "You've hit your usage limit. Try again at 3:00 PM.",
            },
          },
        ],
      },
    ],
    default: { text: 'Mock reply: {{prompt}}', usage: { input_tokens: 1200, output_tokens: 34 } },
  });
});

afterAll(async () => {
  await mock.close();
});

describe('codex against the mock model', () => {
  it('a text reply succeeds with the message, thread id and the turn usage', async () => {
    const { result, events } = await mock.run(codexDriver(), 'Say hello to the tests');
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('Mock reply: Say hello to the tests');
    expect(result.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.usage).toEqual({
      inputTokens: 1200,
      outputTokens: 34,
      cacheCreationInputTokens: 0,
      cacheReadInputTokens: 0,
    });
    expect(result.numTurns).toBe(1);
    expect(result.costUsd).toBeNull();
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'thread.started',
        'turn.started',
        'item.completed',
        'turn.completed',
      ]),
    );
    expect(mock.model.requests.at(-1)).toMatchObject({
      path: '/v1/responses',
      prompt: 'Say hello to the tests',
      turn: 0,
    });
  });

  it('an apply_patch tool call writes the file in the working folder, then the next turn answers', async () => {
    const { result, cwd, events } = await mock.run(
      codexDriver(),
      'please write the greeting file',
      {
        extraArgs: ['--sandbox', 'workspace-write'],
      },
    );
    expect(result.status).toBe('succeeded');
    expect(readFileSync(join(cwd, 'greeting.txt'), 'utf8')).toBe('hello from the model\n');
    expect(result.output).toBe('I wrote greeting.txt.');
    const change = events.find(
      (e) => (e.item as { type?: string } | undefined)?.type === 'file_change',
    );
    expect(JSON.stringify(change)).toContain('greeting.txt');
  });

  it.each([
    ['bad key please', 401],
    ['rate limit me', 429],
    ['server error please', 500],
  ])('"%s" fails with API status %i, never succeeded', async (prompt, status) => {
    const { result } = await mock.run(codexDriver(), prompt);
    expect(result.status).toBe('failed');
    expect(result.apiErrorStatus).toBe(status);
    expect(result.isError).toBe(true);
    expect(result.message).toContain(`API error ${status}`);
  });

  it('the usage-limit message is a rate-limit outcome (429) that says when to try again', async () => {
    const { result } = await mock.run(codexDriver(), 'use it all up');
    expect(result.status).toBe('failed');
    expect(result.apiErrorStatus).toBe(429);
    expect(result.message).toMatch(/usage limit reached: You.ve hit your usage limit/);
  });

  it('a price table prices the tokens of the model codex was given; without one the cost is null', async () => {
    const prices = { 'gpt-5.5': { input: 2, output: 10 } };
    const { result } = await mock.run(
      withPrices(codexDriver({ model: 'gpt-5.5' }), prices),
      'price me',
    );
    expect(result.model).toBe('gpt-5.5');
    expect(result.costUsd).toBeCloseTo((1200 * 2 + 34 * 10) / 1_000_000, 12);
    expect(result.message).toMatch(/succeeded in .*\$0\.00/);
  });

  it('resume continues the thread: the model sees the earlier turn', async () => {
    const first = await mock.run(codexDriver(), 'remember the word teal');
    expect(first.result.status).toBe('succeeded');
    const resumed = await mock.run(
      codexDriver({ resume: first.result.sessionId }),
      'what was the word',
      {
        workingDir: first.cwd,
      },
    );
    expect(resumed.result.status).toBe('succeeded');
    expect(resumed.result.sessionId).toBe(first.result.sessionId);
    expect(mock.model.requests.at(-1)).toMatchObject({ prompt: 'remember the word teal', turn: 1 });
  });
});
