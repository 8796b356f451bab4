/**
 * Every path the mock model answers. Claude in `-p` mode only POSTs to
 * /v1/messages; the others are there so that no request of claude's (token
 * counting, the /api/hello preconnect, model discovery) meets a crash.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { agentRoute } from './agent-routes.js';
import { BodyTooLargeError, sendError, sendJson } from './http-io.js';
import { handleMessages, type RouteContext } from './messages-route.js';
import { readJsonBody } from './read-request.js';
import type { MockRequestRecord } from './record.js';
import { estimateTokens } from './request.js';

async function countTokens(req: IncomingMessage, res: ServerResponse, record: MockRequestRecord) {
  const body = await readJsonBody(req, res, record);
  if (!body) return;
  record.answer = 'count_tokens';
  sendJson(res, 200, { input_tokens: estimateTokens(body.text) });
}

function hello(req: IncomingMessage, res: ServerResponse, record: MockRequestRecord): void {
  record.answer = 'hello';
  req.resume();
  if (req.method === 'HEAD') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end();
    return;
  }
  sendJson(res, 200, { message: 'hello' });
}

function models(res: ServerResponse, record: MockRequestRecord, id: string | undefined): void {
  record.answer = 'models';
  if (id === undefined) {
    sendJson(res, 200, { data: [], has_more: false, first_id: null, last_id: null });
    return;
  }
  const created_at = '2025-01-01T00:00:00Z';
  sendJson(res, 200, { type: 'model', id, display_name: id, created_at });
}

export async function route(
  req: IncomingMessage,
  res: ServerResponse,
  record: MockRequestRecord,
  context: RouteContext,
): Promise<void> {
  const { method, path } = record;
  const agent = agentRoute(method, path);
  try {
    if (agent) {
      await agent(req, res, record, context);
    } else if (method === 'POST' && path === '/v1/messages') {
      await handleMessages(req, res, record, context);
    } else if (method === 'POST' && path === '/v1/messages/count_tokens') {
      await countTokens(req, res, record);
    } else if ((method === 'HEAD' || method === 'GET') && path === '/api/hello') {
      hello(req, res, record);
    } else if (method === 'GET' && path.startsWith('/v1/models')) {
      const id = path.slice('/v1/models/'.length) || undefined;
      models(res, record, path === '/v1/models' ? undefined : id);
    } else {
      req.resume();
      sendError(res, 404, `The mock model does not serve ${method} ${path}`);
    }
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      record.answer = 'bad_request';
      sendError(res, 413, error.message);
      return;
    }
    sendError(
      res,
      500,
      `Mock model failure: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
