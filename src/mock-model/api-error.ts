/**
 * Anthropic-shaped error responses: `{ type: 'error', error: { type, message },
 * request_id }` with the status, a `request-id` header and, when asked for,
 * `retry-after` and `x-should-retry`.
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

export interface ApiErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function defaultErrorType(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

export function apiError(spec: MockErrorSpec): ApiErrorResponse {
  const type = spec.type ?? defaultErrorType(spec.status);
  const message = spec.message ?? MESSAGE_BY_TYPE[type] ?? `Mock model error ${spec.status}`;
  const requestId = mockId('req');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'request-id': requestId,
  };
  if (spec.retryAfter !== undefined) headers['retry-after'] = String(spec.retryAfter);
  if (spec.shouldRetry !== undefined) headers['x-should-retry'] = String(spec.shouldRetry);
  const body = JSON.stringify({ type: 'error', error: { type, message }, request_id: requestId });
  return { status: spec.status, headers, body };
}
