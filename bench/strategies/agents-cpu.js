// Fleets of real `codex exec` and `gemini -p` processes against the mock model
// (in its own process), run through runParallel. For each agent: the
// orchestrator's own CPU time (this Node process) against the CPU time of the
// whole run (this process plus every agent process it reaped, from
// /proc/self/stat cutime + cstime), and the orchestrator's peak RSS during the
// fleet. Target, as for claude: <= 2% of the CPU; RSS < 150 MB.
// Run alone: `npm run build && node bench/strategies/agents-cpu.js`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AgentProcess, runParallel, silentLogger } from '../../dist/index.js';
import { codexDriver } from '../../dist/agents/codex/codex-driver.js';
import { geminiDriver } from '../../dist/agents/gemini/gemini-driver.js';
import { mockAgentsEnv } from '../../dist/mock-model/agents-env.js';
import {
  ownCpuMs,
  reapedChildrenCpuMs,
  repoRoot,
  round,
  startMockProcess,
  tempDir,
} from '../lib.js';

const FLEETS = [
  {
    agent: 'codex',
    driver: codexDriver,
    count: Number(process.env.BENCH_CODEX_COUNT ?? 16),
    workers: 8,
  },
  // gemini-cli is a large Node bundle (~10 s of CPU to start on this machine): a smaller fleet.
  {
    agent: 'gemini',
    driver: geminiDriver,
    count: Number(process.env.BENCH_GEMINI_COUNT ?? 8),
    workers: 4,
  },
];

async function runFleet(dir, env, fleet, count, tag) {
  const processes = Array.from({ length: count }, (_, i) => {
    const workingDir = join(dir, `${tag}-${i}`);
    mkdirSync(workingDir, { recursive: true });
    return new AgentProcess(fleet.driver(), {
      prompt: `Task ${i}: say hello`,
      processId: `${fleet.agent}-${tag}-${i}`,
      workingDir,
      logDir: join(dir, 'logs'),
      command: join(repoRoot, 'node_modules/.bin', fleet.agent),
      env,
      streamOutput: false,
      logger: silentLogger,
    });
  });
  const results = await runParallel(processes, { maxWorkers: fleet.workers });
  const bad = results.find((r) => r.status !== 'succeeded');
  if (bad) throw new Error(`${fleet.agent} failed: ${bad.message}`);
}

async function measure(dir, env, fleet) {
  await runFleet(dir, env, fleet, 1, 'warm'); // JIT, first-run files
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  const own0 = ownCpuMs();
  const children0 = reapedChildrenCpuMs();
  const start = performance.now();
  try {
    await runFleet(dir, env, fleet, fleet.count, 'measured');
  } finally {
    clearInterval(sampler);
  }
  const wallMs = performance.now() - start;
  const ownMs = ownCpuMs() - own0;
  const childrenMs = reapedChildrenCpuMs() - children0;
  const share = ownMs / (ownMs + childrenMs);
  const rssMb = peakRss / 1024 / 1024;
  return {
    name: `${fleet.count} real ${fleet.agent} processes at maxWorkers ${fleet.workers}: orchestrator CPU share, peak RSS`,
    baseline: `${round(ownMs + childrenMs, 0)} ms CPU in total (${round(wallMs, 0)} ms wall)`,
    orchestrate: `${round(ownMs, 0)} ms CPU (${round(ownMs / fleet.count, 1)} ms per agent), peak RSS ${round(rssMb, 0)} MB`,
    ratio: `${round(share * 100, 2)}%`,
    target: '<= 2% of total CPU, RSS < 150 MB',
    pass: share <= 0.02 && rssMb < 150,
  };
}

export async function run() {
  const dir = tempDir();
  const mock = await startMockProcess();
  try {
    const home = join(dir.path, 'home');
    mkdirSync(home);
    const env = mockAgentsEnv(mock.url, home);
    const rows = [];
    for (const fleet of FLEETS) rows.push(await measure(dir.path, env, fleet));
    return rows;
  } finally {
    await mock.stop();
    dir.cleanup();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await run());
