/**
 * A real `orchestrate worker` process (the built CLI) for the queue tests.
 * It keeps the default lock settings (30 s): tests that kill a worker pass
 * FAST_LOCKS so its tasks are recovered in seconds. Short locks everywhere
 * made a worker the loaded machine paused for 2 s lose its running task to a
 * stalled check, which ran it a second time (a third start in the hand-back test).
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

/** Short lock settings: a dead worker's task runs again within about 3 s. */
export const FAST_LOCKS = ['--lock-duration', '2s', '--stalled-interval', '1s'];

export async function startWorker(args: string[]): Promise<WorkerProcess> {
  const { child, done } = startCli(['worker', ...args]);
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
