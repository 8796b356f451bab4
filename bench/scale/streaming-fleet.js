// The orchestrator's CPU time and peak RSS for 8, 32, 64 and 128 agents that
// each stream 20 lines a second on stdout and stderr, against a bare
// spawn-and-pipe baseline run the same way; and the RSS of a session after
// 1,000 and 10,000 quick runs. BENCH_FLEET_SECONDS (default 3) sets how long
// each agent streams; BENCH_QUICK_RUNS (default "1000,10000") the counts.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { repoRoot, round } from '../lib.js';

const here = join(repoRoot, 'bench/scale');
const seconds = process.env.BENCH_FLEET_SECONDS ?? '3';
const counts = (process.env.BENCH_QUICK_RUNS ?? '1000,10000').split(',');

function child(script, args, nodeArgs = []) {
  const out = execFileSync(process.execPath, [...nodeArgs, join(here, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

export async function run() {
  const rows = [];
  for (const agents of [8, 32, 64, 128]) {
    const load = round(loadavg()[0], 1);
    const bare = child('fleet-child.js', ['bare', String(agents), seconds]);
    const ours = child('fleet-child.js', ['orchestrate', String(agents), seconds]);
    const cpu = ours.cpuMs / bare.cpuMs;
    const rss = ours.peakRssMb / bare.peakRssMb;
    rows.push({
      name: `${agents} streaming agents, ${seconds} s, CPU (load ${load})`,
      orchestrate: `${round(ours.cpuMs, 0)} ms CPU, wall ${round(ours.wallMs / 1000, 1)} s`,
      baseline: `bare ${round(bare.cpuMs, 0)} ms CPU, wall ${round(bare.wallMs / 1000, 1)} s`,
      ratio: `${round(cpu)}x`,
      target: '≤ 1.3x',
      pass: cpu <= 1.3,
    });
    const start = (run) =>
      `at the first spawn ${round(run.startRssMb, 1)} MB, V8 heap ${round(run.startHeapMb, 1)} → ${round(run.endHeapMb, 1)} MB`;
    rows.push({
      name: `${agents} streaming agents, peak RSS`,
      orchestrate: `${round(ours.peakRssMb, 1)} MB (${start(ours)})`,
      baseline: `bare ${round(bare.peakRssMb, 1)} MB (${start(bare)})`,
      ratio: `${round(rss)}x`,
      target: '≤ 1.3x',
      pass: rss <= 1.3,
    });
  }
  const quick = child('quick-runs-child.js', counts, ['--expose-gc']);
  for (const count of counts) {
    rows.push({
      name: `RSS after ${count} quick runs in one session`,
      orchestrate: `${round(quick[count], 1)} MB (${quick.heldRecords} records held at the end)`,
      baseline: `${round(quick.before, 1)} MB before the first run`,
      ratio: `+${round(quick[count] - quick.before, 1)} MB`,
      target: 'records O(running)',
      pass: quick.heldRecords <= 1,
    });
  }
  const [first, last] = [counts[0], counts.at(-1)];
  const perRunKb = ((quick[last] - quick[first]) * 1024) / (Number(last) - Number(first));
  rows.push({
    name: `RSS growth per run from ${first} to ${last} runs`,
    orchestrate: `${round(perRunKb, 2)} KB per run`,
    baseline: 'the process ids a session has used',
    ratio: '-',
    target: '~0',
    pass: perRunKb < 0.2,
  });
  return rows;
}
