/** Small helpers for answering a request: text, JSON, a file. */
import { createReadStream } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { Asset } from './assets.js';

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(`${text}\n`);
}

export function sendJson(response: ServerResponse, value: unknown): void {
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(value));
}

export function sendAsset(response: ServerResponse, asset: Asset): void {
  const stream = createReadStream(asset.path);
  stream.once('open', () => {
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': asset.type,
      'cache-control': 'no-cache',
    });
    stream.pipe(response);
  });
  stream.once('error', () => {
    if (!response.headersSent) sendText(response, 404, 'Not found');
    else response.destroy();
  });
}

export const notFound = (response: ServerResponse) => sendText(response, 404, 'Not found');
