/**
 * `orchestrate worker`: starts a TaskWorker and keeps it until SIGTERM, SIGINT
 * or SIGHUP; the first one drains (running tasks get --drain-timeout, then go
 * back to the queue), a second one hands them back at once.
 */
import { serveMetrics } from '../../metrics/metrics-server.js';
import { TaskMetrics } from '../../metrics/task-metrics.js';
import { TaskWorker } from '../../queue/task-worker.js';
import { metricsFlag } from '../options/metrics-flag.js';
import type { WorkerCommandFlags } from '../commands/worker-command.js';
import { EXIT, type ExitCode } from '../errors.js';
import { workerOptions } from './worker-flags.js';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

export async function runWorker(flags: WorkerCommandFlags): Promise<ExitCode> {
  const options = workerOptions(flags);
  const at = flags.metricsPort === undefined ? null : metricsFlag(flags.metricsPort, 'worker');
  let worker: TaskWorker | null = null;
  const metrics = at
    ? await TaskMetrics.create(() => worker?.queuedCount() ?? Promise.resolve(0))
    : undefined;
  worker = new TaskWorker({ ...options, metrics });
  if (metrics && at) {
    const served = await serveMetrics(metrics, at);
    process.stderr.write(`Metrics for Prometheus at ${served.url}\n`);
  }
  await worker.start();
  await new Promise<void>((resolve) => {
    let received = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      received++;
      if (received === 1) {
        worker!.close().then(resolve, resolve);
      } else {
        process.stderr.write(`${signal} again: handing running tasks back now\n`);
        worker!.handBackNow();
      }
    };
    for (const signal of SIGNALS) process.on(signal, onSignal);
  });
  return EXIT.ok;
}
