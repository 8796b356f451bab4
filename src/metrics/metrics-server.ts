/**
 * Serves a TaskMetrics registry for Prometheus at `http://host:port/metrics`.
 * It listens on 127.0.0.1 unless a host is given (`0.0.0.0:9464` to be
 * scraped from other machines), and never keeps the process alive by itself.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { TaskMetrics } from './task-metrics.js';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

export async function serveMetrics(
  metrics: TaskMetrics,
  { host = '127.0.0.1', port }: { host?: string; port: number },
): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: try /metrics\n');
      return;
    }
    metrics.text().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: Error) => response.writeHead(500).end(`${error.message}\n`),
    );
  });
  server.listen(port, host);
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => {
      throw new Error(
        `Cannot serve metrics on ${host}:${port}: ${(error as Error).message}. Pick another --metrics-port.`,
      );
    }),
  ]);
  server.unref();
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${bound}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
