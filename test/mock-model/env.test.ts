import { describe, expect, test } from 'vitest';
import { mockModelEnv } from '../../src/mock-model/index.js';
import { runClaude, withMockClaude } from '../helpers/mock-claude.js';

describe('mockModelEnv', () => {
  test('it points claude at the URL with a throwaway home and no extra traffic', () => {
    const env = mockModelEnv('http://127.0.0.1:4000', '/tmp/home-x');
    expect(env).toMatchObject({
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000',
      HOME: '/tmp/home-x',
      CLAUDE_CONFIG_DIR: '/tmp/home-x/.claude',
      CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      CLAUDE_CODE_MAX_RETRIES: '2',
    });
    expect(env['ANTHROPIC_API_KEY']).toMatch(/\S/);
  });

  test('maxRetries sets claude own retry count', () => {
    expect(
      mockModelEnv('http://127.0.0.1:1', '/h', { maxRetries: 0 })['CLAUDE_CODE_MAX_RETRIES'],
    ).toBe('0');
  });

  test('bad values are refused with the option named', () => {
    expect(() => mockModelEnv('http://127.0.0.1:1', '/h', { maxRetries: -1 })).toThrow(
      'Expected `maxRetries` to be a non-negative integer, got `-1` (number)',
    );
    expect(() => mockModelEnv('127.0.0.1:1', '/h')).toThrow('Expected `url` to be an http(s) URL');
  });

  test('an inherited proxy does not divert claude from the mock model', async () => {
    const mock = await withMockClaude();
    try {
      // Port 9 on loopback: nothing listens there, so a proxied call would fail.
      Object.assign(mock.env, {
        HTTPS_PROXY: 'http://127.0.0.1:9',
        HTTP_PROXY: 'http://127.0.0.1:9',
      });
      const run = await runClaude(mock, 'through no proxy');
      expect(run.result).toMatchObject({ is_error: false, result: 'Mock reply: through no proxy' });
    } finally {
      await mock.cleanup();
    }
  });
});
