/**
 * Anthropic-shaped error responses: `{ type: 'error', error: { type, message },
 * request_id }` with the status, a `request-id` header, `anthropic-ratelimit-*`
 * headers on a 429 and, when asked for, `retry-after` and `x-should-retry`.
 */
import { mockId } from './reply.js';
import type { MockErrorSpec } from './script.js';

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

const MESSAGE_BY_TYPE: Record<string, string> = {
  authentication_error: 'invalid x-api-key',
  permission_error: 'Your API key does not have permission to use the specified resource.',
  not_found_error: 'Not found',
  rate_limit_error: 'Number of request tokens has exceeded your per-minute rate limit',
  api_error: 'Internal server error',
  overloaded_error: 'Overloaded',
};

/** Request limits per minute the mock reports on a 429 (the API's figures for a small tier). */
const REQUESTS_PER_MINUTE = 50;
const TOKENS_PER_MINUTE = 40_000;

/**
 * The `anthropic-ratelimit-*` headers of a 429: the request budget is spent and
 * comes back after `resetSeconds`; the token budget is untouched.
 */
export function rateLimitHeaders(resetSeconds: number, now = Date.now()): Record<string, string> {
  const reset = new Date(now + resetSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const minute = new Date(now + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    'anthropic-ratelimit-requests-limit': String(REQUESTS_PER_MINUTE),
    'anthropic-ratelimit-requests-remaining': '0',
    'anthropic-ratelimit-requests-reset': reset,
    'anthropic-ratelimit-tokens-limit': String(TOKENS_PER_MINUTE),
    'anthropic-ratelimit-tokens-remaining': String(TOKENS_PER_MINUTE),
    'anthropic-ratelimit-tokens-reset': minute,
  };
}

export interface ApiErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function defaultErrorType(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

/** The message an error of `type` carries unless the script gives one. */
export function errorMessage(spec: MockErrorSpec, type: string): string {
  return spec.message ?? MESSAGE_BY_TYPE[type] ?? `Mock model error ${spec.status}`;
}

export function apiError(spec: MockErrorSpec): ApiErrorResponse {
  const type = spec.type ?? defaultErrorType(spec.status);
  const message = errorMessage(spec, type);
  const requestId = mockId('req');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'request-id': requestId,
  };
  if (spec.retryAfter !== undefined) headers['retry-after'] = String(spec.retryAfter);
  if (spec.status === 429) Object.assign(headers, rateLimitHeaders(spec.retryAfter ?? 1));
  if (spec.shouldRetry !== undefined) headers['x-should-retry'] = String(spec.shouldRetry);
  const body = JSON.stringify({ type: 'error', error: { type, message }, request_id: requestId });
  return { status: spec.status, headers, body };
}
