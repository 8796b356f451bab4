/**
 * The mock model: a local HTTP server that speaks the Anthropic Messages API
 * well enough for the real `claude` CLI to run against it offline.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { MockAccount } from './account.js';
import { parseMockScript } from './load-script.js';
import { createResolver } from './match.js';
import type { RouteContext } from './messages-route.js';
import type { MockRequestRecord } from './record.js';
import { route } from './routes.js';
import type { MockScript, MockScriptInput } from './script.js';

export interface MockModelOptions {
  /** What to answer; without it every prompt gets `Mock reply: {{prompt}}`. */
  script?: MockScriptInput | MockScript;
  /** Defaults to 127.0.0.1: the mock model is for this machine only. */
  host?: string;
  /** Defaults to 0: a free port. */
  port?: number;
  /** Called with each request's record as soon as the request arrives. */
  onRequest?: (record: MockRequestRecord) => void;
}

export interface MockModel {
  /** The base URL for ANTHROPIC_BASE_URL: `http://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  /** Every request received so far, in order of arrival (a live array). */
  readonly requests: readonly MockRequestRecord[];
  /** The script's account: calls admitted and refused so far (null without one). */
  readonly account: { readonly admitted: number; readonly rejected: number } | null;
  /** Stops the server, ending pending delays and hanging replies at once. */
  close(): Promise<void>;
}

function normalizeOptions(options: MockModelOptions) {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;
  if (typeof host !== 'string' || host === '') {
    throw new TypeError(
      `Expected \`host\` to be a non-empty string, got \`${String(host)}\` (${typeof host})`,
    );
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(
      `Expected \`port\` to be an integer from 0 to 65535, got \`${String(port)}\` (${typeof port})`,
    );
  }
  return {
    host,
    port,
    script: parseMockScript(options.script ?? {}),
    onRequest: options.onRequest,
  };
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function newRecord(req: IncomingMessage, index: number): MockRequestRecord {
  const path = new URL(req.url ?? '/', 'http://mock.invalid').pathname;
  return {
    index,
    method: req.method ?? 'GET',
    path,
    model: null,
    prompt: null,
    turn: null,
    rule: null,
    ruleName: null,
    turnIndex: null,
    answer: 'not_found',
    status: null,
    stream: false,
    receivedAt: new Date(),
  };
}

export async function startMockModel(options: MockModelOptions = {}): Promise<MockModel> {
  const { host, port, script, onRequest } = normalizeOptions(options);
  const closing = new AbortController();
  const account = script.account ? new MockAccount(script.account) : null;
  const context: RouteContext = {
    resolve: createResolver(script),
    account,
    closing: closing.signal,
  };
  const requests: MockRequestRecord[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const record = newRecord(req, requests.length);
    requests.push(record);
    res.on('finish', () => {
      record.status = res.statusCode;
    });
    onRequest?.(record);
    void route(req, res, record, context);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;

  return {
    url: `http://${urlHost(host)}:${address.port}`,
    port: address.port,
    requests,
    account,
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}
