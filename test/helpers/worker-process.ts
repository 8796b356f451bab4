/**
 * A real `orchestrate worker` process (the built CLI) for the queue tests,
 * with short lock settings so a dead worker's tasks are recovered in seconds.
 */
import type { ChildProcess } from 'node:child_process';
import { startCli, type CliResult } from '../cli/helpers/run-cli.js';

export interface WorkerProcess {
  child: ChildProcess;
  /** Its stderr so far. */
  output(): string;
  done: Promise<CliResult>;
  /** SIGTERM, then its exit. */
  stop(): Promise<CliResult>;
}

/** The lock settings the tests use: a dead worker's task runs again within about 3 s. */
export const FAST_LOCKS = ['--lock-duration', '2s', '--stalled-interval', '1s'];

export async function startWorker(args: string[]): Promise<WorkerProcess> {
  const { child, done } = startCli(['worker', ...FAST_LOCKS, ...args]);
  let stderr = '';
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (stderr.includes('takes tasks from queue')) resolve();
    };
    child.stderr!.on('data', onData);
    void done.then((result) =>
      reject(new Error(`The worker exited (${result.code}) before it was ready:\n${stderr}`)),
    );
  });
  return {
    child,
    output: () => stderr,
    done,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return done;
    },
  };
}
