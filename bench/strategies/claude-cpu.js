// 16 real `claude -p` processes at maxWorkers 8 against the mock model (in its
// own process), recorded by an OrchestratorSession. Measures the orchestrator's
// own CPU time (this Node process: strategies, session, event records, logs)
// against the CPU time of the whole run (this process plus every claude it
// reaped, read from /proc/self/stat cutime + cstime). Target: <= 2%.
// Run alone: `npm run build && node bench/strategies/claude-cpu.js`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { OrchestratorSession, runParallel, silentLogger } from '../../dist/index.js';
import { mockModelEnv } from '../../dist/mock-model/index.js';
import { repoRoot, round, tempDir } from '../lib.js';

const COUNT = Number(process.env.BENCH_CLAUDE_COUNT ?? 16);
const WORKERS = 8;
const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** CPU ms of the children this process has reaped (utime + stime of waited-for children). */
function reapedChildrenCpuMs() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the comm field: state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS;
}

function ownCpuMs() {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

async function startMockProcess() {
  const child = spawn(process.execPath, [join(repoRoot, 'bench/strategies/mock-model-child.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`mock model exited ${code}`)));
  });
  return {
    url,
    stop: () => new Promise((resolve) => (child.once('exit', resolve), child.stdin.end())),
  };
}

async function runFleet(dir, env, count, tag) {
  const session = new OrchestratorSession({
    patternName: `bench-${tag}`,
    workingDir: dir,
    baseLogDir: join(dir, 'sessions'),
    logger: silentLogger,
    processDefaults: { env, streamOutput: false },
  });
  const processes = Array.from({ length: count }, (_, i) =>
    session.createProcess(`Task ${i}: say hello`),
  );
  const results = await runParallel(processes, { maxWorkers: WORKERS });
  const summary = await session.close();
  const bad = results.find((r) => r.status !== 'succeeded');
  if (bad) throw new Error(`claude failed: ${bad.message}`);
  return summary;
}

export async function run() {
  const dir = tempDir();
  const mock = await startMockProcess();
  try {
    const home = join(dir.path, 'home');
    mkdirSync(home);
    const env = mockModelEnv(mock.url, home);
    await runFleet(dir.path, env, 2, 'warm'); // warm up: JIT, claude's first-run files
    const own0 = ownCpuMs();
    const children0 = reapedChildrenCpuMs();
    const start = performance.now();
    await runFleet(dir.path, env, COUNT, 'measured');
    const wallMs = performance.now() - start;
    const ownMs = ownCpuMs() - own0;
    const childrenMs = reapedChildrenCpuMs() - children0;
    const share = ownMs / (ownMs + childrenMs);
    return {
      name: `${COUNT} real claude processes at maxWorkers ${WORKERS}: orchestrator CPU share`,
      baseline: `${round(ownMs + childrenMs, 0)} ms CPU in total (${round(wallMs, 0)} ms wall)`,
      orchestrate: `${round(ownMs, 0)} ms CPU`,
      ratio: `${round(share * 100, 2)}%`,
      target: '<= 2% of total CPU',
      pass: share <= 0.02,
    };
  } finally {
    await mock.stop();
    dir.cleanup();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(await run());
