// What the Redis queue costs per task: the same tasks through runParallel on
// this machine (the baseline, at W slots) and through BullMQExecutor to W
// `orchestrate worker` processes (concurrency 1 each) on a local redis-server,
// at W = 1, 2 and 4. Quick tasks (a fixture that prints "ok") show the
// queue's own overhead per task; claude tasks against the mock model (in its
// own process) show it beside a real agent's run. Reported: wall time per task
// and the ratio; the queue's added milliseconds per task. No target: context.
// Run alone: `npm run build && node bench/queue/queue-overhead.js`.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BullMQExecutor, localExecutor, runParallel, silentLogger } from '../../dist/index.js';
import { mockModelEnv } from '../../dist/mock-model/index.js';
import { fixture, now, repoRoot, round, startMockProcess, tempDir } from '../lib.js';

const QUICK = Number(process.env.BENCH_QUEUE_QUICK ?? 60);
const CLAUDE = Number(process.env.BENCH_QUEUE_CLAUDE ?? 8);
const WORKER_COUNTS = [1, 2, 4];
const cli = join(repoRoot, 'dist/cli/main.js');

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** Resolves when `text` has appeared on `stream`, which keeps flowing after. */
function ready(stream, text) {
  let seen = '';
  return new Promise((resolve) => {
    stream.on('data', (chunk) => {
      seen += chunk;
      if (seen.includes(text)) resolve();
    });
  });
}

async function startRedis(dir) {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await ready(child.stdout, 'Ready to accept connections');
  return { url: `redis://127.0.0.1:${port}`, stop: () => (child.kill(), once(child, 'exit')) };
}

async function startWorker(url, queue, logDir) {
  const child = spawn(
    process.execPath,
    [cli, 'worker', '--redis', url, '--queue', queue, '--log-dir', logDir],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  await ready(child.stderr, 'takes tasks from queue');
  return { stop: () => (child.kill('SIGTERM'), once(child, 'exit')) };
}

function check(results) {
  const bad = results.find((result) => result.status !== 'succeeded');
  if (bad) throw new Error(`a task failed: ${bad.message}`);
}

async function timed(specs, options) {
  const start = now();
  check(await runParallel(specs, options));
  return now() - start;
}

async function measure({ name, specs, redis, dir, workers }) {
  const logDir = join(dir, 'logs');
  const local = {
    run: (spec, options) => localExecutor.run(spec, { ...options, logger: silentLogger }),
  };
  await timed(specs('local-warm').slice(0, workers), {
    executor: local,
    maxWorkers: workers,
    logDir,
  });
  const localMs = await timed(specs('local'), { executor: local, maxWorkers: workers, logDir });
  const queue = `bench-${name}-${workers}`;
  const started = await Promise.all(
    Array.from({ length: workers }, () => startWorker(redis.url, queue, join(dir, 'worker-logs'))),
  );
  const executor = new BullMQExecutor({ connection: redis.url, queue, logger: silentLogger });
  try {
    await timed(specs('warm').slice(0, workers), { executor, logDir }); // connections, JIT
    const queuedMs = await timed(specs('queued'), { executor, logDir });
    const count = specs('count').length;
    return {
      name: `${count} ${name} tasks, ${workers} worker${workers > 1 ? 's' : ''}: per task, through the queue`,
      orchestrate: `${round(queuedMs / count, 1)} ms`,
      baseline: `${round(localMs / count, 1)} ms local (runParallel at ${workers})`,
      ratio: `${round(queuedMs / localMs, 2)}x (+${round((queuedMs - localMs) / count, 1)} ms)`,
      target: 'context',
      pass: true,
    };
  } finally {
    await executor.close();
    await Promise.all(started.map((worker) => worker.stop()));
  }
}

export async function run() {
  const dir = tempDir();
  const redis = await startRedis(dir.path);
  const mock = await startMockProcess();
  const rows = [];
  try {
    const home = join(dir.path, 'home');
    mkdirSync(home);
    const env = mockModelEnv(mock.url, home);
    const quick = (tag) =>
      Array.from({ length: QUICK }, (_, i) => ({
        id: `${tag}-${i}`,
        agent: 'command',
        command: fixture('print-ok'),
        prompt: '',
        promptVia: 'none',
      }));
    const claude = (tag) =>
      Array.from({ length: CLAUDE }, (_, i) => ({
        id: `${tag}-${i}`,
        agent: 'claude',
        prompt: `Task ${i}: say hello`,
        command: join(repoRoot, 'node_modules/.bin/claude'),
        cwd: dir.path,
        env,
      }));
    for (const workers of WORKER_COUNTS) {
      rows.push(await measure({ name: 'quick', specs: quick, redis, dir: dir.path, workers }));
      rows.push(await measure({ name: 'claude', specs: claude, redis, dir: dir.path, workers }));
    }
    return rows;
  } finally {
    await mock.stop();
    await redis.stop();
    dir.cleanup();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const before = loadavg();
  console.table(await run());
  // The machine is shared: the load says how noisy these figures are.
  const after = loadavg();
  console.log(
    `load average (1 min) at start ${before[0].toFixed(1)}, at end ${after[0].toFixed(1)}; ${cpus().length} cores`,
  );
}
