import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { claudeRateLimitOf } from '../../../src/agents/claude/rate-limit-event.js';
import { repoRoot } from '../../helpers/fixtures.js';

/** The `init` event of a stream the real claude printed, signed in with an API key. */
const init = JSON.parse(
  readFileSync(join(repoRoot, 'test/mock-model/samples/text-success.jsonl'), 'utf8').split(
    '\n',
  )[0]!,
) as Record<string, unknown>;

describe("claude's rate-limit news", () => {
  test("an init naming an API key says no limit reports will come; a subscription's says nothing", () => {
    expect(init).toMatchObject({
      type: 'system',
      subtype: 'init',
      apiKeySource: 'ANTHROPIC_API_KEY',
    });
    expect(claudeRateLimitOf(init)).toEqual({ kind: 'unreported' });
    expect(claudeRateLimitOf({ ...init, apiKeySource: 'none' })).toBeNull();
    expect(claudeRateLimitOf({ ...init, apiKeySource: undefined })).toBeNull();
  });

  test('a rate_limit_event of claude 2.1 gives the status, reset, limit and window utilization', () => {
    const event = {
      type: 'rate_limit_event',
      rate_limit_info: {
        status: 'allowed',
        resetsAt: 1796122998,
        rateLimitType: 'five_hour',
        unifiedWindows: { five_hour: { utilization: 0.25, resetsAt: 1796122998 } },
      },
    };
    expect(claudeRateLimitOf(event)).toEqual({
      kind: 'status',
      status: 'allowed',
      resetsAt: new Date(1796122998 * 1000),
      limitType: 'five_hour',
      utilization: 0.25,
    });
  });
});
