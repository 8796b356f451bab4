/** HTTP statuses of model APIs in words, for every agent's messages. */
const API_STATUS_WORDS: Record<number, string> = {
  400: 'bad request',
  401: 'authentication failed',
  403: 'permission denied',
  404: 'not found',
  413: 'request too large',
  429: 'rate limited',
  500: 'server error',
  529: 'overloaded',
};

export function apiStatusWords(status: number): string {
  return API_STATUS_WORDS[status] ?? (status >= 500 ? 'server error' : 'client error');
}
