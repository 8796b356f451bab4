/**
 * `orchestrate worker`: starts a TaskWorker and keeps it until SIGTERM, SIGINT
 * or SIGHUP; the first one drains (running tasks get --drain-timeout, then go
 * back to the queue), a second one hands them back at once.
 */
import { TaskWorker } from '../../queue/task-worker.js';
import type { WorkerCommandFlags } from '../commands/worker-command.js';
import { EXIT, type ExitCode } from '../errors.js';
import { workerOptions } from './worker-flags.js';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];

export async function runWorker(flags: WorkerCommandFlags): Promise<ExitCode> {
  const worker = new TaskWorker(workerOptions(flags));
  await worker.start();
  await new Promise<void>((resolve) => {
    let received = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      received++;
      if (received === 1) {
        worker.close().then(resolve, resolve);
      } else {
        process.stderr.write(`${signal} again: handing running tasks back now\n`);
        worker.handBackNow();
      }
    };
    for (const signal of SIGNALS) process.on(signal, onSignal);
  });
  return EXIT.ok;
}
