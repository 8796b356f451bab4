// What a dashboard costs the orchestrator: a session of 200 processes, all at
// once, each streaming 20 assistant messages (one every 0.5 s) through the
// claude stream reader, so the session writes ~300 records a second, with a
// dashboard over its folder watched by 3 pages (each following the session's
// records and one process log). The dashboard runs in a process of its own so
// its CPU time is read alone (a run's --dashboard does the same work on the
// orchestrator's thread), and is compared with the orchestrator's CPU time in
// the same run; target: <= 5%. Three runs, the median ratio. (The difference
// of two whole runs with and without a dashboard varies by ±12% on a loaded
// machine, which hides a 5% effect.) Run alone: `npm run build && node bench/dashboard/cpu-cost.js`.
// BENCH_DASHBOARD_BASE=<another build's dist folder> alternates rounds between
// this build's dashboard and that one's, and prints both medians (A/B in one run).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { OrchestratorSession, runParallel, silentLogger } from '../../dist/index.js';
import { fixture, median, repoRoot, round, tempDir } from '../lib.js';

const COUNT = Number(process.env.BENCH_DASHBOARD_COUNT ?? 200);
const MESSAGES = 20;
const CLIENTS = 3;
const ROUNDS = Number(process.env.BENCH_DASHBOARD_ROUNDS ?? 3);
const BASE = process.env.BENCH_DASHBOARD_BASE ?? '';

const ownCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

async function startClients(url, sessionId) {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'bench/dashboard/sse-client-child.js'), url, sessionId, String(CLIENTS)],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const next = () => new Promise((resolve) => lines.once('line', resolve));
  await next();
  return {
    stop: async () => {
      const counts = next();
      child.stdin.end();
      return JSON.parse(await counts);
    },
  };
}

async function startDashboardChild(baseLogDir, build) {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/h11-prof'] : []),
      join(repoRoot, 'bench/dashboard/dashboard-child.js'),
      baseLogDir,
      ...(build ? [build] : []),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const next = () => new Promise((resolve) => lines.once('line', resolve));
  const url = await next();
  return {
    url,
    mark: () => child.stdin.write('mark\n'),
    end: async () => {
      const cpu = next();
      child.stdin.write('end\n');
      return Number(await cpu);
    },
  };
}

async function runFleet(dir, withDashboard, build = '') {
  const base = join(dir, withDashboard ? 'watched' : 'plain');
  const session = new OrchestratorSession({
    patternName: withDashboard ? 'with-dashboard' : 'without',
    workingDir: dir,
    baseLogDir: base,
    logger: silentLogger,
    processDefaults: {
      command: fixture('stream-claude-messages'),
      streamOutput: false,
      env: { STREAM_MESSAGES: String(MESSAGES), STREAM_INTERVAL: '0.5' },
    },
  });
  const processes = Array.from({ length: COUNT }, (_, i) => session.createProcess(`task ${i}`));
  let dashboard = null;
  let clients = null;
  if (withDashboard) {
    dashboard = await startDashboardChild(base, build);
    clients = await startClients(dashboard.url, session.sessionId);
    dashboard.mark();
  }
  const started = performance.now();
  const cpuBefore = ownCpuMs();
  const results = await runParallel(processes, { maxWorkers: COUNT });
  await session.close();
  const cpuMs = ownCpuMs() - cpuBefore;
  const wallMs = performance.now() - started;
  // One more poll interval, so the pages get the last records.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const dashboardCpuMs = dashboard ? await dashboard.end() : 0;
  const counts = clients ? await clients.stop() : null;
  const failed = results.filter((r) => r.status !== 'succeeded').length;
  if (failed > 0) throw new Error(`${failed} processes did not succeed`);
  // Every record written (session.events() keeps only the unfinished processes' records).
  const records = readFileSync(session.getEventsPath(), 'utf8').trimEnd().split('\n').length;
  return { cpuMs, dashboardCpuMs, wallMs, records, counts };
}

export async function run() {
  const dir = tempDir();
  try {
    const runs = [];
    const baseRuns = [];
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      for (const build of BASE ? ['', BASE] : ['']) {
        const measured = await runFleet(dir.path, true, build);
        (build ? baseRuns : runs).push(measured);
        process.stderr.write(
          `  round ${round_ + 1}${build ? ` (${build})` : ''}: orchestrator ${round(measured.cpuMs)} ms CPU, dashboard ${round(measured.dashboardCpuMs)} ms, ${round((measured.dashboardCpuMs / measured.cpuMs) * 100, 1)}%\n`,
        );
      }
    }
    if (BASE) {
      const ratio = (list) => round(median(list.map((r) => r.dashboardCpuMs / r.cpuMs)) * 100, 1);
      process.stderr.write(`  median: this build ${ratio(runs)}%, ${BASE} ${ratio(baseRuns)}%\n`);
    }
    const sample = runs[runs.length - 1];
    const base = median(runs.map((r) => r.cpuMs));
    const dash = median(runs.map((r) => r.dashboardCpuMs));
    const added = median(runs.map((r) => r.dashboardCpuMs / r.cpuMs));
    const seconds = sample.wallMs / 1000;
    return [
      {
        name: `${COUNT} processes streaming, dashboard with ${CLIENTS} pages: orchestrator CPU`,
        orchestrate: `dashboard ${round(dash)} ms CPU`,
        baseline: `orchestrator ${round(base)} ms CPU`,
        ratio: `${round(added * 100, 1)}%`,
        target: '<= 5% added',
        pass: added <= 0.05,
      },
      {
        name: 'SSE messages per page per second (records coalesced)',
        orchestrate: `${round(sample.counts.messages / CLIENTS / seconds, 1)} msg/s`,
        baseline: `${round(sample.records / seconds)} records/s written`,
        ratio: `${round(sample.counts.records / CLIENTS / sample.records, 2)} of records delivered`,
        target: 'context',
        pass: true,
      },
    ];
  } finally {
    dir.cleanup();
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  for (const row of await run()) console.log(row);
}
