// Loaded into the CLI by the interrupt-fleet benchmark (NODE_OPTIONS=--import):
// measures the event loop's longest stall from the first child spawned (so the
// CLI's own start-up is left out) and appends it, with this process's pid, to
// the file named by BENCH_LOOP_DELAY_FILE when the process exits.
import { ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.BENCH_LOOP_DELAY_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const spawn = ChildProcess.prototype.spawn;
  let measuring = false;
  ChildProcess.prototype.spawn = function (...args) {
    if (!measuring) {
      measuring = true;
      delay.enable();
    }
    return spawn.apply(this, args);
  };
  process.on('exit', () => {
    const line = { pid: process.pid, maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 };
    appendFileSync(file, JSON.stringify(line) + '\n');
  });
}
