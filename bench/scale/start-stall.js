// The longest event-loop stall while N agents (BENCH_STALL_AGENTS, default 128)
// start at once and stream for BENCH_STALL_SECONDS (default 2): the CLI quiet
// (`orchestrate parallel -q`), against a bare Node process that spawns the same
// agents and pipes them to files (bare-start-child.js), measured by the same
// probe (loop-delay-probe.js, from the first spawn) in alternating rounds
// (BENCH_STALL_ROUNDS, default 3). On a shared machine a single fork can stall
// a loop for 100 ms and more, so the ratio to the baseline is the figure.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fixture, median, repoRoot, round, tempDir } from '../lib.js';

const agents = Number(process.env.BENCH_STALL_AGENTS ?? 128);
const seconds = process.env.BENCH_STALL_SECONDS ?? '2';
const rounds = Number(process.env.BENCH_STALL_ROUNDS ?? 3);
const probe = join(repoRoot, 'bench/scale/loop-delay-probe.js');

/** Runs `args` under Node with the probe; the stall of the process itself (not its reaper). */
function stallOf(args, dir) {
  const file = join(dir, `delay-${Math.random()}.jsonl`);
  const env = { ...process.env, NODE_OPTIONS: `--import ${probe}`, BENCH_LOOP_DELAY_FILE: file };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => {
      const line = readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((text) => JSON.parse(text))
        .find((entry) => entry.pid === child.pid);
      resolve(line);
    });
  });
}

function cliArgs(logDir) {
  const prompts = Array.from({ length: agents }, (_, i) => `a${i}`);
  return [
    join(repoRoot, 'dist/cli/main.js'),
    'parallel',
    '-q',
    '--command',
    fixture('stream-and-time'),
    '--prompt-via',
    'none',
    '--log-dir',
    logDir,
    ...prompts,
    '--',
    seconds,
  ];
}

export async function run() {
  const bare = [];
  const cli = [];
  const loads = [];
  for (let round = 0; round < rounds; round++) {
    const dir = tempDir();
    loads.push(loadavg()[0]);
    bare.push(
      await stallOf(
        [join(repoRoot, 'bench/scale/bare-start-child.js'), String(agents), seconds],
        dir.path,
      ),
    );
    cli.push(await stallOf(cliArgs(join(dir.path, 'logs')), dir.path));
    // The CLI's reaper (which loads the probe too) writes its line after the CLI exits.
    await sleep(1500);
    rmSync(dir.path, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
  const max = (lines) => lines.map((line) => line.maxMs);
  const p99 = (lines) => lines.map((line) => line.p99Ms);
  const load = `load ${round(Math.min(...loads), 1)}-${round(Math.max(...loads), 1)}`;
  return [
    {
      name: `longest event-loop stall, ${agents} agents started at once, CLI -q (median of ${rounds}; ${load})`,
      orchestrate: `${round(median(max(cli)), 0)} ms (rounds: ${max(cli)
        .map((ms) => round(ms, 0))
        .join(', ')}; p99 ${round(median(p99(cli)), 0)} ms)`,
      baseline: `bare spawn-and-pipe ${round(median(max(bare)), 0)} ms (rounds: ${max(bare)
        .map((ms) => round(ms, 0))
        .join(', ')}; p99 ${round(median(p99(bare)), 0)} ms)`,
      ratio: `${round(median(max(cli)) / median(max(bare)))}x`,
      target: '~100 ms',
      pass: median(max(cli)) <= 150,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await run()) console.log(JSON.stringify(row));
}
