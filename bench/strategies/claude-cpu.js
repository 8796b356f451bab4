// 16 real `claude -p` processes at maxWorkers 8 against the mock model (in its
// own process), recorded by an OrchestratorSession. Measures the orchestrator's
// own CPU time (this Node process: strategies, session, event records, logs)
// against the CPU time of the whole run (this process plus every claude it
// reaped, read from /proc/self/stat cutime + cstime). Target: <= 2%.
// Run alone: `npm run build && node bench/strategies/claude-cpu.js`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OrchestratorSession, runParallel, silentLogger } from '../../dist/index.js';
import { mockModelEnv } from '../../dist/mock-model/index.js';
import { ownCpuMs, reapedChildrenCpuMs, round, startMockProcess, tempDir } from '../lib.js';

const COUNT = Number(process.env.BENCH_CLAUDE_COUNT ?? 16);
const WORKERS = 8;
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
