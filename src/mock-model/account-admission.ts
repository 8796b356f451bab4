/**
 * The mock account at each route's door: a call counts against it, and a
 * refused one is answered as its vendor's service refuses. Anthropic's 429
 * `rate_limit_error` carries the `anthropic-ratelimit-*` headers, which every
 * Messages answer carries too (claude turns a subscription's into
 * `rate_limit_event`s); OpenAI's 429
 * `rate_limit_exceeded` with `retry-after` and `x-ratelimit-*` headers for an
 * API key, or a ChatGPT plan's `usage_limit_reached` with `resets_at` (codex
 * says "You've hit your usage limit … try again at 3:05 PM"); Google's 429
 * `RESOURCE_EXHAUSTED` with a per-minute QuotaFailure and a RetryInfo delay
 * (gemini says "Suggested retry after 37s").
 */
import type { ServerResponse } from 'node:http';
import type { AccountDecision, MockAccount } from './account.js';
import { apiError } from './api-error.js';
import type { MockRequestRecord } from './record.js';

type Vendor = 'anthropic' | 'openai' | 'google';

interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Counts the call against the account. Anthropic's answers, allowed or not,
 * carry the account's rate-limit headers; a refused call is answered here
 * (429) and false returned.
 */
export function admitted(
  vendor: Vendor,
  account: MockAccount,
  res: ServerResponse,
  record: MockRequestRecord,
  inputTokens: number,
): boolean {
  const decision = account.admit(inputTokens);
  if (vendor === 'anthropic')
    for (const [name, value] of Object.entries(decision.headers)) res.setHeader(name, value);
  if (decision.allowed) return true;
  record.answer = 'rate_limited';
  const seconds = decision.retryAfterSeconds;
  const { status, headers, body } =
    vendor === 'anthropic'
      ? anthropicRefusal(account, decision)
      : vendor === 'google'
        ? googleRefusal(seconds)
        : openAiRefusal(account, seconds);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
  return false;
}

function anthropicRefusal(account: MockAccount, decision: AccountDecision): Refusal {
  const limit = account.spec.limit === 'five_hour' ? '5-hour' : 'weekly';
  const error = apiError({
    status: 429,
    message: `This request would exceed your account's ${limit} rate limit`,
  });
  return { status: 429, headers: { ...error.headers, ...decision.headers }, body: error.body };
}

function openAiRefusal(account: MockAccount, seconds: number): Refusal {
  if (account.spec.login === 'subscription') {
    const resetsAt = Math.ceil(Date.now() / 1000) + seconds;
    return {
      status: 429,
      headers: {},
      body: {
        error: {
          type: 'usage_limit_reached',
          message: 'The usage limit has been reached',
          plan_type: 'plus',
          resets_at: resetsAt,
          resets_in_seconds: seconds,
        },
      },
    };
  }
  const { requests } = account.spec;
  return {
    status: 429,
    headers: {
      'retry-after': String(seconds),
      'x-ratelimit-limit-requests': String(requests),
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': `${seconds}s`,
    },
    body: {
      error: {
        type: 'rate_limit_exceeded',
        code: 'rate_limit_exceeded',
        message: `Rate limit reached for requests (limit ${requests}). Please try again in ${seconds}s.`,
        param: null,
      },
    },
  };
}

function googleRefusal(seconds: number): Refusal {
  return {
    status: 429,
    headers: {},
    body: {
      error: {
        code: 429,
        message: 'Resource has been exhausted (e.g. check quota).',
        status: 'RESOURCE_EXHAUSTED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [
              {
                quotaMetric: 'generativelanguage.googleapis.com/generate_content_requests',
                quotaId: 'GenerateRequestsPerMinutePerProjectPerModel',
              },
            ],
          },
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${seconds}s` },
        ],
      },
    },
  };
}
