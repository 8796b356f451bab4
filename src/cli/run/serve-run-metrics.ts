/**
 * --metrics-port on a run command: the run's Prometheus metrics, read from its
 * session's records, served while the run lasts; the address goes to stderr.
 */
import type { OrchestrateEvent } from '../../events/types.js';
import { serveMetrics } from '../../metrics/metrics-server.js';
import { RunMetrics } from '../../metrics/run-metrics.js';

export interface RunMetricsServer {
  read(event: OrchestrateEvent): void;
  close(): Promise<void>;
}

export async function serveRunMetrics(at: {
  host: string;
  port: number;
}): Promise<RunMetricsServer> {
  const run = await RunMetrics.create();
  const served = await serveMetrics(run.metrics, at);
  process.stderr.write(`Metrics for Prometheus at ${served.url}\n`);
  return { read: (event) => run.read(event), close: () => served.close() };
}
