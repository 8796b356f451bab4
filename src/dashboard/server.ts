/**
 * startDashboard(): a small http server over a folder of sessions, bound to
 * 127.0.0.1 on a free port by default. Every request must carry the token
 * from the printed URL (as `?token=` or the cookie the first page load sets);
 * anything else gets 401.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assetTable } from './assets.js';
import { normalizeDashboardOptions, type DashboardOptions } from './options.js';
import { sendText } from './responses.js';
import { route, type RouteParts } from './routes.js';
import { SessionFeeds } from './session-feed.js';
import { SessionsApi } from './sessions-api.js';
import { Ticker } from './ticker.js';
import { cookieName, newToken, tokenProof } from './token.js';

export interface Dashboard {
  /** The URL to open, token included. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Stops serving and ends every open stream. */
  close(): Promise<void>;
}

export async function startDashboard(options: DashboardOptions): Promise<Dashboard> {
  const normalized = normalizeDashboardOptions(options);
  const token = normalized.token ?? newToken();
  const ticker = new Ticker(normalized.pollMs);
  const parts: RouteParts = {
    options: normalized,
    assets: assetTable(),
    ticker,
    feeds: new SessionFeeds(ticker),
    api: new SessionsApi(normalized.baseLogDir),
    streams: new Set(),
  };
  let port = normalized.port;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://dashboard.invalid');
    const proof = tokenProof(request, url, token, port);
    if (proof === null) {
      sendText(
        response,
        401,
        'Unauthorized: open the URL the dashboard printed (it has the token)',
      );
      return;
    }
    if (proof === 'query') {
      response.setHeader(
        'set-cookie',
        `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      );
    }
    route(parts, request, response, url).catch((error: Error) => {
      if (!response.headersSent) sendText(response, 500, `Internal error: ${error.message}`);
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(normalized.port, normalized.host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = normalized.host.includes(':') ? `[${normalized.host}]` : normalized.host;
  return {
    url: `http://${shownHost}:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      // The last records go out, each stream ends cleanly, then the sockets close.
      parts.feeds.flush();
      for (const stream of parts.streams) stream.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      });
    },
  };
}
