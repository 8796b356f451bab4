import { describe, expect, it } from 'vitest';
import type { ClaudeResultEvent } from '../../../src/agents/claude/stream-events.js';
import { claudeVerdict } from '../../../src/agents/claude/verdict.js';
import { apiStatusWords } from '../../../src/process/api-status.js';

const result = (fields: Partial<ClaudeResultEvent> = {}): ClaudeResultEvent => ({
  type: 'result',
  subtype: 'success',
  is_error: false,
  result: 'All done.',
  api_error_status: null,
  ...fields,
});

describe("claude's verdict", () => {
  it('a success result with exit code 0 succeeds', () => {
    expect(claudeVerdict(result(), 0)).toEqual({ status: 'succeeded' });
  });

  it('a process killed by a signal (no exit code) gets no verdict: the exit status decides', () => {
    expect(claudeVerdict(result(), null)).toEqual({});
    expect(claudeVerdict(null, null)).toEqual({});
  });

  it('exit code 0 with no result event is a failure that says so', () => {
    expect(claudeVerdict(null, 0)).toEqual({
      status: 'failed',
      reason: 'exited 0 but reported no result event',
    });
  });

  it('a failing exit code with no result event leaves the words to the exit code', () => {
    expect(claudeVerdict(null, 1)).toEqual({});
  });

  it('an API error is a failure that names the status, its meaning and the message', () => {
    const verdict = claudeVerdict(
      result({ is_error: true, api_error_status: 529, result: 'API Error: 529 Overloaded' }),
      1,
    );
    expect(verdict).toEqual({
      status: 'failed',
      reason: 'API error 529 (overloaded): API Error: 529 Overloaded',
    });
  });

  it('an API error counts even when claude calls it a success and exits 0', () => {
    expect(claudeVerdict(result({ api_error_status: 429, result: 'slow down' }), 0)).toEqual({
      status: 'failed',
      reason: 'API error 429 (rate limited): slow down',
    });
  });

  it('is_error without an API status is the agent reporting its own error', () => {
    expect(
      claudeVerdict(result({ is_error: true, subtype: 'error_during_execution', result: 'x' }), 1),
    ).toEqual({
      status: 'failed',
      reason: 'the agent reported an error (error_during_execution): x',
    });
    expect(claudeVerdict(result({ is_error: true, subtype: undefined }), 0)).toEqual({
      status: 'failed',
      reason: 'the agent reported an error (error): All done.',
    });
  });

  it('an API failure without a status is named by the kind claude gives it', () => {
    const dropped = result({
      is_error: true,
      api_error: 'connection_failed',
      result: 'API Error: Connection dropped (ECONNRESET).',
    });
    expect(claudeVerdict(dropped, 1)).toEqual({
      status: 'failed',
      reason:
        'the agent reported an error (connection_failed): API Error: Connection dropped (ECONNRESET).',
    });
  });

  it('error_max_turns is a failure even when is_error is false and the exit code 0', () => {
    expect(claudeVerdict(result({ subtype: 'error_max_turns', result: undefined }), 0)).toEqual({
      status: 'failed',
      reason: 'the agent stopped with error_max_turns',
    });
  });

  it('a result without a subtype is judged by is_error and the exit code alone', () => {
    expect(claudeVerdict(result({ subtype: undefined }), 0)).toEqual({ status: 'succeeded' });
  });

  it('a success result followed by a failing exit code is a failure', () => {
    expect(claudeVerdict(result(), 2)).toEqual({
      status: 'failed',
      reason: 'exit code 2 after a result event',
    });
  });

  it('the quoted message is flattened to one line and cut at 200 characters', () => {
    const long = `first\n\n  second ${'x'.repeat(300)}`;
    const verdict = claudeVerdict(result({ is_error: true, result: long }), 1);
    const quoted = verdict.reason!.slice('the agent reported an error (success): '.length);
    expect(quoted).toBe(`first second ${'x'.repeat(200 - 'first second '.length)}...`);
    const exact = 'y'.repeat(200);
    expect(claudeVerdict(result({ is_error: true, result: exact }), 1).reason).toBe(
      `the agent reported an error (success): ${exact}`,
    );
    expect(claudeVerdict(result({ is_error: true, result: '' }), 1).reason).toBe(
      'the agent reported an error (success): ',
    );
  });

  it('an error without text or with padding is quoted as it is, trimmed', () => {
    expect(claudeVerdict(result({ is_error: true, result: undefined }), 1).reason).toBe(
      'the agent reported an error (success): ',
    );
    expect(claudeVerdict(result({ is_error: true, result: '  padded \n' }), 1).reason).toBe(
      'the agent reported an error (success): padded',
    );
  });

  it('a non-numeric api_error_status is not taken for an API error', () => {
    const odd = result({ api_error_status: '529' as unknown as number });
    expect(claudeVerdict(odd, 0)).toEqual({ status: 'succeeded' });
  });
});

describe('API status words', () => {
  it.each([
    [400, 'bad request'],
    [401, 'authentication failed'],
    [403, 'permission denied'],
    [404, 'not found'],
    [413, 'request too large'],
    [429, 'rate limited'],
    [500, 'server error'],
    [529, 'overloaded'],
    [503, 'server error'],
    [599, 'server error'],
    [418, 'client error'],
    [499, 'client error'],
  ])('%i is %s', (status, words) => {
    expect(apiStatusWords(status)).toBe(words);
  });
});
