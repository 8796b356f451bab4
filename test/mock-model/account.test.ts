import { describe, expect, test } from 'vitest';
import { accountSchema } from '../../src/mock-model/account-schema.js';
import { MockAccount } from '../../src/mock-model/account.js';
import { parseMockScript } from '../../src/mock-model/load-script.js';

const account = (input: Parameters<typeof accountSchema.parse>[0]) =>
  new MockAccount(accountSchema.parse(input));

describe('MockAccount', () => {
  test('admits `requests` calls per window and refuses the rest until it resets', () => {
    const a = account({ requests: 2, windowMs: 3_000 });
    const t0 = 1_000_000;
    expect(
      [a.admit(10, t0), a.admit(10, t0 + 10), a.admit(10, t0 + 20)].map((d) => d.allowed),
    ).toEqual([true, true, false]);
    expect(a.admit(10, t0 + 2_999).allowed).toBe(false);
    expect(a.admit(10, t0 + 3_000).allowed).toBe(true);
    expect(a).toMatchObject({ admitted: 3, rejected: 2 });
  });

  test('a refused call says when the window resets, in retry-after and the unified headers', () => {
    const a = account({ requests: 1, windowMs: 10_000 });
    const t0 = 1_700_000_000_000;
    a.admit(1, t0);
    const refused = a.admit(1, t0 + 2_500);
    expect(refused.retryAfterSeconds).toBe(8);
    expect(refused.headers).toMatchObject({
      'retry-after': '8',
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-unified-status': 'rejected',
      'anthropic-ratelimit-unified-reset': String((t0 + 10_000) / 1000),
      'anthropic-ratelimit-unified-representative-claim': 'five_hour',
      'anthropic-ratelimit-unified-5h-status': 'rejected',
    });
  });

  test('the headers turn to allowed_warning from warnAt of the window used', () => {
    const a = account({ requests: 4, warnAt: 0.75, limit: 'seven_day' });
    const statuses = [1, 2, 3, 4].map(
      () => a.admit(1, 0).headers['anthropic-ratelimit-unified-status'],
    );
    expect(statuses).toEqual(['allowed', 'allowed', 'allowed_warning', 'allowed_warning']);
    expect(a.admit(1, 0).headers).toMatchObject({
      'anthropic-ratelimit-unified-7d-status': 'rejected',
      'anthropic-ratelimit-unified-representative-claim': 'seven_day',
    });
  });

  test('tokens count per minute and a refused call uses none of them', () => {
    const a = account({ requests: 100, tokensPerMinute: 100 });
    expect(a.admit(60, 0).allowed).toBe(true);
    expect(a.admit(60, 1).allowed).toBe(false);
    expect(a.admit(40, 2).allowed).toBe(true);
    expect(a.admit(1, 59_999).headers['anthropic-ratelimit-tokens-remaining']).toBe('0');
    expect(a.admit(60, 60_000).allowed).toBe(true);
  });

  test('a script with a bad account names the field', () => {
    expect(() => parseMockScript({ account: { requests: 0 } })).toThrow(/account\.requests/);
    expect(() => parseMockScript({ account: { requests: 1, window: 5 } })).toThrow(/window/);
  });
});
