/**
 * Error bodies in the OpenAI and Google shapes, for the Responses and Gemini
 * routes (the Messages route answers in Anthropic's shape, api-error.ts).
 */
import type { ServerResponse } from 'node:http';
import type { MockErrorSpec } from './script.js';

const OPENAI_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_api_key',
  403: 'permission_denied',
  404: 'not_found',
  429: 'rate_limit_exceeded',
  500: 'server_error',
  503: 'server_error',
};

const GOOGLE_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

const MESSAGES: Record<number, string> = {
  401: 'Incorrect API key provided.',
  403: 'Permission denied.',
  429: 'Rate limit reached. Please try again later.',
  500: 'The server had an error while processing your request.',
  503: 'The service is temporarily unavailable.',
};

function messageOf(spec: MockErrorSpec): string {
  return spec.message ?? MESSAGES[spec.status] ?? `Mock model error ${spec.status}`;
}

function headersOf(spec: MockErrorSpec): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (spec.retryAfter !== undefined) headers['retry-after'] = String(spec.retryAfter);
  return headers;
}

/** `{ error: { message, type, code, param } }`; `type` overrides both type and code. */
export function sendOpenAiError(res: ServerResponse, spec: MockErrorSpec): void {
  if (res.destroyed || res.headersSent) return;
  const type =
    spec.type ??
    OPENAI_TYPES[spec.status] ??
    (spec.status >= 500 ? 'server_error' : 'invalid_request_error');
  const body = { error: { message: messageOf(spec), type, code: type, param: null } };
  res.writeHead(spec.status, headersOf(spec));
  res.end(JSON.stringify(body));
}

/** `{ error: { code, message, status } }`; `type` overrides the status word. */
export function sendGoogleError(res: ServerResponse, spec: MockErrorSpec): void {
  if (res.destroyed || res.headersSent) return;
  const status =
    spec.type ??
    GOOGLE_STATUS[spec.status] ??
    (spec.status >= 500 ? 'INTERNAL' : 'FAILED_PRECONDITION');
  const body = { error: { code: spec.status, message: messageOf(spec), status } };
  res.writeHead(spec.status, headersOf(spec));
  res.end(JSON.stringify(body));
}
