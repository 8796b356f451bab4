import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geminiDriver } from '../../../src/agents/gemini/gemini-driver.js';
import { startMockAgents, type MockAgents } from '../../helpers/mock-agents.js';

// The real `gemini` binary against the scripted fake model (Gemini API): one server for the file.
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
              name: 'write_file',
              input: { file_path: 'greeting.txt', content: 'hello from the model\n' },
            },
          },
          { text: 'I wrote greeting.txt.' },
        ],
      },
      { match: 'bad key please', turns: [{ error: { status: 401 } }] },
      { match: 'rate limit me', turns: [{ error: { status: 429 } }] },
      { match: 'server error please', turns: [{ error: { status: 500 } }] },
    ],
    default: { text: 'Mock reply: {{prompt}}', usage: { input_tokens: 1200, output_tokens: 34 } },
  });
});

afterAll(async () => {
  await mock.close();
});

describe('gemini against the mock model', () => {
  it('a text reply succeeds with the answer, session, model and token stats', async () => {
    const { result, events } = await mock.run(geminiDriver(), 'Say hello to the tests');
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('Mock reply: Say hello to the tests');
    expect(result.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.model).toBe('gemini-2.5-flash');
    expect(result.usage).toEqual({
      inputTokens: 1200,
      outputTokens: 34,
      cacheCreationInputTokens: 0,
      cacheReadInputTokens: 0,
    });
    expect(result.costUsd).toBeNull();
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['init', 'message', 'result']),
    );
    expect(events.at(-1)?.type).toBe('result');
    const call = mock.model.requests.find((r) => r.prompt === 'Say hello to the tests');
    expect(call).toMatchObject({ path: expect.stringMatching(/:streamGenerateContent$/), turn: 0 });
  });

  it('a write_file tool call in yolo mode writes the file, and the answer is the text after it', async () => {
    const { result, cwd, events } = await mock.run(
      geminiDriver(),
      'please write the greeting file',
      {
        extraArgs: ['--approval-mode', 'yolo'],
      },
    );
    expect(result.status).toBe('succeeded');
    expect(readFileSync(join(cwd, 'greeting.txt'), 'utf8')).toBe('hello from the model\n');
    expect(result.output).toBe('I wrote greeting.txt.');
    expect(events.filter((e) => e.type === 'tool_use' || e.type === 'tool_result')).toHaveLength(2);
  });

  it.concurrent.each([
    ['bad key please', 401, 145],
    ['rate limit me', 429, 173],
    ['server error please', 500, 244],
  ])(
    '"%s" fails with API status %i (exit code %i), never succeeded',
    async (prompt, status, code) => {
      const { result } = await mock.run(geminiDriver(), prompt);
      expect(result.status).toBe('failed');
      expect(result.exitCode).toBe(code);
      expect(result.apiErrorStatus).toBe(status);
      expect(result.message).toContain(`API error ${status}`);
    },
  );
});
