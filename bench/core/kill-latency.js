// Time from the deadline to the whole tree gone, for a child that exits on
// SIGTERM and for one that ignores it (minus the grace period). A bare
// child.kill() + 'exit' of a direct child is the baseline.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClaudeProcess, silentLogger } from '../../dist/index.js';
import { fixture, median, now, percentile, round, tempDir } from '../lib.js';

const RUNS = Number(process.env.BENCH_KILL_RUNS ?? 15);
const GRACE_MS = 300;

/** Alive and not a zombie (a zombie is dead, waiting for init to reap it). */
function alive(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
}

async function once(dir, name, i, env = {}) {
  let deadline = 0;
  const process_ = new ClaudeProcess({
    prompt: 'x',
    processId: `${name}-${i}`,
    workingDir: dir,
    logDir: join(dir, 'logs'),
    command: fixture(name),
    env,
    timeoutMs: 150,
    killGraceMs: GRACE_MS,
    streamOutput: false,
    logger: silentLogger,
  });
  process_.on('log', (level) => {
    if (level === 'WARNING' && deadline === 0) deadline = now();
  });
  const result = await process_.run();
  const gone = now();
  const pids = [...result.output.matchAll(/grandchild (\d+)/g)].map((m) => Number(m[1]));
  if (pids.some(alive)) throw new Error(`${name}: a descendant survived`);
  return gone - deadline;
}

async function bareKill() {
  const child = spawn(fixture('sleep-forever'), [], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const start = now();
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return now() - start;
}

export async function run() {
  const dir = tempDir();
  try {
    const polite = [];
    const stubborn = [];
    const bare = [];
    for (let i = 0; i < RUNS; i++) {
      polite.push(await once(dir.path, 'spawn-grandchildren-polite', i, { KEEP_PARENT: '1' }));
      stubborn.push((await once(dir.path, 'ignore-sigterm', i)) - GRACE_MS);
      bare.push(await bareKill());
    }
    const fmt = (values) =>
      `median ${round(median(values), 1)} ms, p95 ${round(percentile(values, 95), 1)} ms`;
    return [
      {
        name: 'deadline to whole tree gone, child + grandchildren that exit on SIGTERM',
        baseline: `bare child.kill() of one child: ${fmt(bare)}`,
        orchestrate: fmt(polite),
        ratio: round(median(polite) / median(bare)),
        target: '<= 100 ms',
        pass: percentile(polite, 95) <= 100,
      },
      {
        name: `deadline to tree gone past the ${GRACE_MS} ms grace, child ignoring SIGTERM`,
        baseline: '-',
        orchestrate: fmt(stubborn),
        ratio: null,
        target: '<= 100 ms past grace',
        pass: percentile(stubborn, 95) <= 100,
      },
    ];
  } finally {
    dir.cleanup();
  }
}
