/**
 * The mock model is faithful: the real claude, driven directly (not through
 * orchestrate), reacts to it as to the API. These tests check the mock; every
 * other test reaches claude through orchestrate.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { runClaude, withMockClaude, type MockClaude } from '../../helpers/mock-claude.js';

let mock: MockClaude | undefined;
afterEach(async () => {
  await mock?.cleanup();
  mock = undefined;
});

describe('the real claude against the mock model', () => {
  test('a text reply arrives as the result of the run', async () => {
    mock = await withMockClaude();
    const run = await runClaude(mock, 'say hello');
    expect(run.exitCode).toBe(0);
    expect(run.result).toMatchObject({
      subtype: 'success',
      is_error: false,
      num_turns: 1,
      result: 'Mock reply: say hello',
    });
    expect(run.events[0]).toMatchObject({ type: 'system', subtype: 'init', cwd: mock.cwd });
    const [call] = mock.model.requests;
    expect(mock.model.requests).toHaveLength(1);
    expect(call).toMatchObject({
      method: 'POST',
      path: '/v1/messages',
      prompt: 'say hello',
      turn: 0,
      rule: 'default',
      stream: true,
      status: 200,
    });
  });

  test('the reply echoes the model claude asked for', async () => {
    mock = await withMockClaude({ default: { text: 'I am {{model}}' } });
    const run = await runClaude(mock, 'who are you', ['--model', 'claude-mock-test-1']);
    expect(mock.model.requests[0]?.model).toBe('claude-mock-test-1');
    expect(run.result?.['result']).toBe('I am claude-mock-test-1');
    const assistant = run.events.find((event) => event.type === 'assistant');
    expect(assistant?.['message']).toMatchObject({ model: 'claude-mock-test-1' });
  });

  test('rules match the prompt by substring or regex and the first match answers', async () => {
    mock = await withMockClaude({
      rules: [
        { match: '/^count (\\d+)$/', turns: [{ text: 'regex rule' }] },
        { match: 'COUNT', turns: [{ text: 'substring rule' }] },
      ],
    });
    expect((await runClaude(mock, 'count 3')).result?.['result']).toBe('regex rule');
    expect((await runClaude(mock, 'please count sheep')).result?.['result']).toBe('substring rule');
  });

  test('scripted usage reaches the result, and one-character chunks still make the whole text', async () => {
    mock = await withMockClaude({
      default: {
        text: 'chunked reply',
        chunkSize: 1,
        usage: { input_tokens: 1234, output_tokens: 56 },
      },
    });
    const run = await runClaude(mock, 'count my tokens');
    expect(run.result?.['result']).toBe('chunked reply');
    expect(run.result?.['usage']).toMatchObject({ input_tokens: 1234, output_tokens: 56 });
    expect(run.result?.['total_cost_usd']).toBeGreaterThan(0);
  });
});
