/** Declares `worker`: take tasks from a Redis queue and run them here, until SIGTERM or Ctrl-C. */
import type { Command } from 'commander';
import type { CommandContext } from './context.js';
import { noExtraArgs } from './sessions-command.js';

export interface WorkerCommandFlags {
  redis?: string;
  queue?: string;
  concurrency?: string;
  logDir?: string;
  drainTimeout?: string;
  lockDuration?: string;
  stalledInterval?: string;
  metricsPort?: string;
}

export function registerWorkerCommand(program: Command, context: CommandContext): void {
  program
    .command('worker')
    .description(
      'take tasks from a Redis queue (BullMQ) and run them on this machine, until SIGTERM or Ctrl-C',
    )
    .option('--redis <url>', 'the Redis to take tasks from, e.g. redis://127.0.0.1:6379 (required)')
    .option('--queue <name>', 'the queue (default: orchestrate)')
    .option('-c, --concurrency <n>', 'tasks run at once by this worker (default: 1)')
    .option('--log-dir <dir>', "where the tasks' logs go (default: ./orchestrate-worker-logs)")
    .option(
      '--drain-timeout <duration>',
      'on SIGTERM, how long running tasks may finish before they go back to the queue (default: 30s)',
    )
    .option(
      '--lock-duration <duration>',
      "how long a task's lock lasts unrenewed: a dead worker's tasks run again after it (default: 30s)",
    )
    .option('--stalled-interval <duration>', 'how often to look for stalled tasks (default: 30s)')
    .option(
      '--metrics-port <[host:]port>',
      'serve Prometheus metrics at http://host:port/metrics (host default: 127.0.0.1)',
    )
    .action(async (flags: WorkerCommandFlags) => {
      noExtraArgs(context, 'worker');
      const { runWorker } = await import('../worker/run-worker.js');
      context.exitCode = await runWorker(flags);
    });
}
