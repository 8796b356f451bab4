/**
 * What each URL does, once the token was checked: the page and its assets,
 * the JSON API, the live streams, and (with --allow-cancel) the cancel
 * buttons. Session and process ids go through paths.ts, so no request
 * reaches a file outside the sessions folder.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Asset } from './assets.js';
import { streamLog } from './log-feed.js';
import type { NormalizedDashboardOptions } from './options.js';
import { patchOf, processLogOf, safeId, sessionDirOf } from './paths.js';
import { notFound, sendAsset, sendJson, sendText } from './responses.js';
import { sessionFile } from '../session/files.js';
import type { SessionFeeds } from './session-feed.js';
import type { SessionsApi } from './sessions-api.js';
import { EventStream } from './sse.js';
import type { Ticker } from './ticker.js';

export interface RouteParts {
  options: NormalizedDashboardOptions;
  assets: Map<string, Asset>;
  feeds: SessionFeeds;
  /** The one timer of every live stream's polls. */
  ticker: Ticker;
  api: SessionsApi;
  /** The open live streams, ended cleanly when the server closes. */
  streams: Set<EventStream>;
}

function openStream(parts: RouteParts, response: ServerResponse): EventStream {
  const stream = new EventStream(response);
  parts.streams.add(stream);
  stream.onClose(() => parts.streams.delete(stream));
  return stream;
}

function lastEventId(request: IncomingMessage, url: URL): number | null {
  const raw = request.headers['last-event-id'] ?? url.searchParams.get('after');
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return raw !== undefined && raw !== null && Number.isSafeInteger(value) && value >= 0
    ? value
    : null;
}

export async function route(
  parts: RouteParts,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const segments = url.pathname.split('/').slice(1);
  const method = request.method ?? 'GET';
  if (method === 'POST') return cancel(parts, request, response, segments);
  if (method !== 'GET' && method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
  if (url.pathname === '/') return sendAsset(response, parts.assets.get('index.html')!);
  if (url.pathname === '/favicon.ico') return void response.writeHead(204).end();
  if (segments[0] === 'assets') {
    const asset = parts.assets.get(segments.slice(1).join('/'));
    return asset ? sendAsset(response, asset) : notFound(response);
  }
  if (segments[0] !== 'api') return notFound(response);
  const { options, api, feeds } = parts;
  if (segments.length === 2 && segments[1] === 'config') {
    return sendJson(response, {
      allowCancel: options.allowCancel,
      runSessionId: options.control.runSessionId,
      baseLogDir: options.baseLogDir,
    });
  }
  if (segments[1] !== 'sessions') return notFound(response);
  if (segments.length === 2) return sendJson(response, await api.list());
  const dir = await sessionDirOf(options.baseLogDir, segments[2] ?? '');
  if (dir === null) return notFound(response);
  if (segments.length === 3) {
    const detail = await api.detail(dir);
    return detail ? sendJson(response, detail) : notFound(response);
  }
  if (segments.length === 4 && segments[3] === 'events') {
    const stream = openStream(parts, response);
    feeds.get(sessionFile(dir, 'events')).watch(stream, lastEventId(request, url) ?? 0);
    return;
  }
  if (segments.length === 6 && segments[3] === 'processes' && segments[5] === 'patch') {
    const path = patchOf(dir, segments[4] ?? '');
    if (path === null) return notFound(response);
    return sendAsset(response, { path, type: 'text/plain; charset=utf-8' });
  }
  if (segments.length === 6 && segments[3] === 'processes' && segments[5] === 'log') {
    const attempt = Number(url.searchParams.get('attempt') ?? '1');
    const path = processLogOf(dir, segments[4] ?? '', attempt);
    if (path === null) return notFound(response);
    const stream = openStream(parts, response);
    return streamLog(stream, path, lastEventId(request, url), parts.ticker);
  }
  return notFound(response);
}

/** True when the POST came from the dashboard's own page, not another site. */
function sameOrigin(request: IncomingMessage): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = request.headers.origin;
  return origin !== undefined && origin === `http://${request.headers.host}`;
}

async function cancel(
  parts: RouteParts,
  request: IncomingMessage,
  response: ServerResponse,
  segments: string[],
): Promise<void> {
  const { options } = parts;
  const isSession = segments.length === 4 && segments[3] === 'cancel';
  const isProcess =
    segments.length === 6 && segments[3] === 'processes' && segments[5] === 'cancel';
  if (segments[0] !== 'api' || segments[1] !== 'sessions' || !(isSession || isProcess))
    return notFound(response);
  if (!options.allowCancel)
    return sendText(
      response,
      403,
      'Cancelling is off: start the dashboard with --allow-cancel (or the run with --dashboard --allow-cancel)',
    );
  if (!sameOrigin(request)) return sendText(response, 403, 'Cancel only from the dashboard page');
  const dir = await sessionDirOf(options.baseLogDir, segments[2] ?? '');
  const sessionId = safeId(segments[2] ?? '');
  if (dir === null || sessionId === null) return notFound(response);
  const processId = isProcess ? safeId(segments[4] ?? '') : null;
  if (isProcess && processId === null) return notFound(response);
  const answer =
    processId === null
      ? await options.control.cancelSession(sessionId, dir)
      : await options.control.cancelProcess(sessionId, dir, processId);
  if (!answer.ok) return sendText(response, 409, answer.message);
  return sendJson(response, { cancelled: processId ?? sessionId, message: answer.message });
}
