/** An abort signal for a reply: fires when the client hangs up or the server closes. */
import type { ServerResponse } from 'node:http';

export function untilClosed(res: ServerResponse, closing: AbortSignal): AbortSignal {
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  return AbortSignal.any([closing, gone.signal]);
}
