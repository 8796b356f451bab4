// The CLI with a big fleet of streaming agents (BENCH_INTERRUPT_AGENTS, default
// 128; each writes 20 lines a second on stdout and stderr): how long Ctrl-C
// takes to end every agent tree, with the live board on a terminal (node-pty)
// and quiet (-q); and whether the durations it records match the agents' own
// clocks (each agent prints how long it lived, `stream-and-time`). The agents
// carry a variable unique to the run, so /proc tells which are still alive.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fixture, median, percentile, repoRoot, round, tempDir } from '../lib.js';

const cli = join(repoRoot, 'dist/cli/main.js');
const agents = Number(process.env.BENCH_INTERRUPT_AGENTS ?? 128);
const runSeconds = Number(process.env.BENCH_INTERRUPT_SECONDS ?? 6);

/** Living processes (not zombies) whose environment has BENCH_FLEET=tag, but `except`. */
function marked(tag, except) {
  const needle = `\0BENCH_FLEET=${tag}\0`;
  const found = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === except || pid === process.pid) continue;
    try {
      if (!`\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}\0`.includes(needle)) continue;
      // The CLI's reaper carries the variable too; it ends after the CLI, by design.
      if (readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes('reaper-main')) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      if (stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z') found.push(pid);
    } catch {
      // gone, or not ours
    }
  }
  return found;
}

function records(logDir) {
  try {
    const [session] = readdirSync(logDir);
    if (!session) return [];
    return readFileSync(join(logDir, session, 'events.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  } catch {
    return [];
  }
}

async function start(terminal, seconds, logDir, tag, extraEnv = {}) {
  const prompts = Array.from({ length: agents }, (_, i) => `a${i}`);
  const args = [
    cli,
    'parallel',
    '--command',
    fixture('stream-and-time'),
    '--prompt-via',
    'none',
    '--kill-grace',
    '1s',
    '--log-dir',
    logDir,
    ...(terminal ? [] : ['-q']),
    ...prompts,
    '--',
    String(seconds),
  ];
  const env = { ...process.env, BENCH_FLEET: tag, TERM: 'xterm-256color', ...extraEnv };
  delete env.NO_COLOR;
  if (terminal) {
    const pty = await import('@lydell/node-pty');
    const term = pty.spawn(process.execPath, args, { cols: 120, rows: 40, env });
    term.onData(() => undefined); // the screen is drained, as a terminal would
    const done = new Promise((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
    return { pid: term.pid, interrupt: () => term.write('\u0003'), done };
  }
  const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
  const done = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  return { pid: child.pid, interrupt: () => child.kill('SIGINT'), done };
}

async function until(check, ms, what) {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Ctrl-C once `startedBeforeCtrlC` agents run (and a second has passed if all do). */
async function interrupt(terminal, startedBeforeCtrlC) {
  const dir = tempDir();
  const tag = randomUUID();
  const run = await start(terminal, 600, dir.path, tag);
  const started = () => records(dir.path).filter((r) => r.kind === 'process-start').length;
  await until(() => started() >= startedBeforeCtrlC, 180_000, 'the agents to start');
  if (startedBeforeCtrlC === agents) await sleep(1000);
  const before = marked(tag, run.pid).length;
  const t0 = performance.now();
  run.interrupt();
  let goneMs = null;
  let exitMs = null;
  let exitCode = null;
  void run.done.then((code) => {
    exitMs = performance.now() - t0;
    exitCode = code;
  });
  await until(() => marked(tag, run.pid).length === 0, 120_000, 'every agent to end');
  goneMs = performance.now() - t0;
  await until(() => exitMs !== null, 120_000, 'the CLI to exit');
  dir.cleanup();
  return { before, goneMs, exitMs, exitCode };
}

/** A run to the end: each agent's recorded duration over its own clock. */
async function durations(terminal) {
  const dir = tempDir();
  const delays = join(dir.path, 'loop-delay.jsonl');
  const probe = join(repoRoot, 'bench/scale/loop-delay-probe.js');
  const run = await start(terminal, runSeconds, join(dir.path, 'logs'), randomUUID(), {
    NODE_OPTIONS: `--import ${probe}`,
    BENCH_LOOP_DELAY_FILE: delays,
  });
  const t0 = performance.now();
  const exitCode = await run.done;
  const wallMs = performance.now() - t0;
  // The reaper (a Node child) loads the probe too: the CLI's line is the one with its pid.
  const stall = readFileSync(delays, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .find((line) => line.pid === run.pid);
  const ratios = [];
  for (const end of records(join(dir.path, 'logs')).filter((r) => r.kind === 'process-end')) {
    const lived = /lived (\d+) ms/.exec(readFileSync(end.logFile, 'utf8'));
    if (lived) ratios.push(end.durationMs / Number(lived[1]));
  }
  dir.cleanup();
  return { exitCode, wallMs, ratios, stallMs: stall?.maxMs ?? NaN };
}

export async function run() {
  const rows = [];
  for (const [name, terminal, startedBefore] of [
    ['board on a terminal', true, agents],
    ['quiet (-q)', false, agents],
    ['board on a terminal, while starting', true, Math.ceil(agents / 2)],
  ]) {
    const load = round(loadavg()[0], 1);
    const r = await interrupt(terminal, startedBefore);
    rows.push({
      name: `Ctrl-C with ${agents} streaming agents, ${name} (${r.before} agent processes; load ${load})`,
      orchestrate: `every agent gone in ${round(r.goneMs, 0)} ms, CLI exit ${r.exitCode} in ${round(r.exitMs, 0)} ms`,
      baseline: 'the agents' + "'" + ' own clocks',
      ratio: '-',
      target: '≤ 2000 ms',
      pass: r.goneMs <= 2000 && r.before > 0,
    });
  }
  const quiet = await durations(false);
  const board = await durations(true);
  for (const [name, r] of [
    ['quiet (-q)', quiet],
    ['board on a terminal', board],
  ]) {
    rows.push({
      name: `recorded duration / the agent's own clock, ${agents} agents of ${runSeconds} s, ${name}`,
      orchestrate: `median ${round(median(r.ratios), 3)}, p95 ${round(percentile(r.ratios, 95), 3)}, max ${round(Math.max(...r.ratios), 3)} (${r.ratios.length} runs, wall ${round(r.wallMs / 1000, 1)} s)`,
      baseline: 'the agent’s own clock',
      ratio: `${round(percentile(r.ratios, 95), 3)}`,
      target: '≤ 1.10 (p95)',
      pass: percentile(r.ratios, 95) <= 1.1 && r.ratios.length === agents,
    });
  }
  for (const [name, r] of [
    ['quiet (-q)', quiet],
    ['board on a terminal', board],
  ]) {
    rows.push({
      name: `longest event-loop stall of the CLI, ${agents} agents started at once, ${name}`,
      orchestrate: `${round(r.stallMs, 0)} ms`,
      baseline: '-',
      ratio: '-',
      target: '~100 ms (a single spawn under load can take longer)',
      pass: r.stallMs <= 150,
    });
  }
  rows.push({
    name: 'board over quiet, median recorded duration ratio',
    orchestrate: `${round(median(board.ratios), 3)}`,
    baseline: `${round(median(quiet.ratios), 3)}`,
    ratio: `${round(median(board.ratios) / median(quiet.ratios), 3)}x`,
    target: '≤ 1.10x',
    pass: median(board.ratios) / median(quiet.ratios) <= 1.1,
  });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await run()) console.log(JSON.stringify(row));
}
