// What a dashboard costs the orchestrator: a session of 200 processes, all at
// once, each streaming 20 assistant messages (one every 0.5 s) through the
// claude stream reader, so the session writes ~400 records a second. Run
// without a dashboard, then with one in the same process (as `--dashboard`
// does) watched by 3 pages (each following the session's records and one
// process log) in another process. Compares this process's CPU time;
// target: the dashboard adds <= 5%. Alternates the two, three times each, and takes
// the medians. Run alone: `npm run build && node bench/dashboard/cpu-cost.js`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  OrchestratorSession,
  runParallel,
  silentLogger,
  startDashboard,
} from '../../dist/index.js';
import { fixture, median, repoRoot, round, tempDir } from '../lib.js';

const COUNT = Number(process.env.BENCH_DASHBOARD_COUNT ?? 200);
const MESSAGES = 20;
const CLIENTS = 3;
const ROUNDS = Number(process.env.BENCH_DASHBOARD_ROUNDS ?? 3);

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

async function runFleet(dir, withDashboard) {
  const session = new OrchestratorSession({
    patternName: withDashboard ? 'with-dashboard' : 'without',
    workingDir: dir,
    baseLogDir: join(dir, 'sessions'),
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
    dashboard = await startDashboard({ baseLogDir: join(dir, 'sessions') });
    clients = await startClients(dashboard.url, session.sessionId);
  }
  const started = performance.now();
  const cpuBefore = ownCpuMs();
  const results = await runParallel(processes, { maxWorkers: COUNT });
  await session.close();
  await dashboard?.close();
  const cpuMs = ownCpuMs() - cpuBefore;
  const wallMs = performance.now() - started;
  const counts = clients ? await clients.stop() : null;
  const failed = results.filter((r) => r.status !== 'succeeded').length;
  if (failed > 0) throw new Error(`${failed} processes did not succeed`);
  const records = session.events().length;
  return { cpuMs, wallMs, records, counts };
}

export async function run() {
  const dir = tempDir();
  try {
    const without = [];
    const withIt = [];
    let sample = null;
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      without.push(await runFleet(dir.path, false));
      const measured = await runFleet(dir.path, true);
      withIt.push(measured);
      sample = measured;
      process.stderr.write(
        `  round ${round_ + 1}: ${round(without.at(-1).cpuMs)} ms CPU without, ${round(measured.cpuMs)} ms with\n`,
      );
    }
    const base = median(without.map((r) => r.cpuMs));
    const dash = median(withIt.map((r) => r.cpuMs));
    const added = (dash - base) / base;
    const seconds = sample.wallMs / 1000;
    return [
      {
        name: `${COUNT} processes streaming, dashboard with ${CLIENTS} pages: orchestrator CPU`,
        orchestrate: `${round(dash)} ms CPU`,
        baseline: `${round(base)} ms CPU without`,
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
