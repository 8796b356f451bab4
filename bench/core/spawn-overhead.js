// 200 quick fixture processes through ClaudeProcess, one after another, vs a
// bare child_process.spawn loop over the same fixture. Target: ratio <= 1.15.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ClaudeProcess, silentLogger } from '../../dist/index.js';
import { fixture, median, now, round, tempDir } from '../lib.js';

const COUNT = Number(process.env.BENCH_SPAWN_COUNT ?? 200);

function bare(command, cwd, logPath = null) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['-p', 'hi'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    // The second baseline also writes each process's stdout to its own file, as orchestrate does.
    if (logPath) child.stdout.pipe(createWriteStream(logPath));
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', () => undefined);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output: Buffer.concat(out).toString() }));
  });
}

export async function run() {
  const dir = tempDir();
  const command = fixture('print-ok');
  try {
    // Warm up both paths (page cache, JIT).
    for (let i = 0; i < 10; i++) await bare(command, dir.path);
    const rounds = [];
    const cpuMs = { p: [], plain: [] };
    mkdirSync(join(dir.path, 'bare-logs'));
    for (let round_ = 0; round_ < 4; round_++) {
      let start = now();
      for (let i = 0; i < COUNT; i++) await bare(command, dir.path);
      const bareMs = now() - start;
      start = now();
      for (let i = 0; i < COUNT; i++) {
        await bare(command, dir.path, join(dir.path, 'bare-logs', `${round_}-${i}.log`));
      }
      const bareLogMs = now() - start;
      // Wall time, and this process's CPU time (less sensitive to a loaded machine).
      const ours = async (tag) => {
        const begin = now();
        const cpu = process.cpuUsage();
        for (let i = 0; i < COUNT; i++) await runOurs(command, dir.path, `${tag}-${round_}-${i}`);
        const used = process.cpuUsage(cpu);
        cpuMs[tag].push((used.user + used.system) / 1000);
        return now() - begin;
      };
      // With and without the reaper and the tree markers (src/process/terminate/reaper.ts),
      // in turns, so neither always runs first.
      const withReaper = () => (delete process.env.ORCHESTRATE_REAPER, ours('p'));
      const withoutReaper = () => ((process.env.ORCHESTRATE_REAPER = 'off'), ours('plain'));
      let oursMs, noReaperMs;
      if (round_ % 2 === 0) {
        noReaperMs = await withoutReaper();
        oursMs = await withReaper();
      } else {
        oursMs = await withReaper();
        noReaperMs = await withoutReaper();
      }
      delete process.env.ORCHESTRATE_REAPER;
      rounds.push({ bareMs, bareLogMs, oursMs, noReaperMs });
    }
    const best = (key) => Math.min(...rounds.map((r) => r[key]));
    const [bareMs, bareLogMs, oursMs, noReaperMs] = [
      best('bareMs'),
      best('bareLogMs'),
      best('oursMs'),
      best('noReaperMs'),
    ];
    const each = (ms) => `${round(ms, 0)} ms (${round(ms / COUNT)} ms each)`;
    return [
      {
        name: `${COUNT} sequential quick processes: ClaudeProcess vs bare spawn loop`,
        baseline: each(bareMs),
        orchestrate: each(oursMs),
        ratio: round(oursMs / bareMs),
        target: '<= 1.15x',
        pass: oursMs / bareMs <= 1.15,
      },
      {
        name: `${COUNT} sequential quick processes: with the reaper and tree markers vs ORCHESTRATE_REAPER=off`,
        baseline: each(noReaperMs),
        orchestrate: each(oursMs),
        ratio: round(oursMs / noReaperMs),
        target: '<= 1.05x',
        pass: oursMs / noReaperMs <= 1.05,
      },
      {
        name: `${COUNT} sequential quick processes: orchestrator CPU with the reaper vs without (median of rounds)`,
        baseline: each(median(cpuMs.plain)),
        orchestrate: each(median(cpuMs.p)),
        ratio: round(median(cpuMs.p) / median(cpuMs.plain)),
        target: '<= 1.05x',
        pass: median(cpuMs.p) / median(cpuMs.plain) <= 1.05,
      },
      {
        name: `${COUNT} sequential quick processes: ClaudeProcess vs bare spawn loop writing a log file each`,
        baseline: each(bareLogMs),
        orchestrate: each(oursMs),
        ratio: round(oursMs / bareLogMs),
        target: '(context: the cost of a log file per process)',
        pass: true,
      },
    ];
  } finally {
    dir.cleanup();
  }
}

async function runOurs(command, cwd, processId) {
  const result = await new ClaudeProcess({
    prompt: 'hi',
    processId,
    workingDir: cwd,
    logDir: join(cwd, 'logs'),
    command,
    streamOutput: false,
    logger: silentLogger,
  }).run();
  if (result.exitCode !== 0) throw new Error(`fixture failed: ${result.message}`);
}
