/** An agent's own API retry in words: `429 rate limit — retry 3/10 in 8 s`. */
import { formatDuration } from '../process/format.js';
import type { AgentRetryEvent } from './types.js';

const STATUS_WORDS: Record<number, string> = {
  400: 'bad request',
  401: 'not authorized',
  403: 'forbidden',
  404: 'not found',
  408: 'request timeout',
  413: 'request too large',
  429: 'rate limit',
  500: 'server error',
  502: 'bad gateway',
  503: 'unavailable',
  504: 'gateway timeout',
  529: 'overloaded',
};

type RetryFields = Pick<
  AgentRetryEvent,
  'agentAttempt' | 'maxRetries' | 'delayMs' | 'errorStatus' | 'error'
>;

export function agentRetryText(retry: RetryFields): string {
  const words =
    retry.errorStatus !== null
      ? `${retry.errorStatus} ${STATUS_WORDS[retry.errorStatus] ?? retry.error?.replace(/_/g, ' ') ?? 'error'}`
      : (retry.error?.replace(/_/g, ' ') ?? 'API error');
  const count =
    retry.agentAttempt === null
      ? 'retry'
      : `retry ${retry.agentAttempt}${retry.maxRetries === null ? '' : `/${retry.maxRetries}`}`;
  const delay = retry.delayMs === null ? '' : ` in ${formatDuration(retry.delayMs)}`;
  return `${words} — ${count}${delay}`;
}
