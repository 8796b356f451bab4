// One fleet in a fresh Node process, so its CPU time and peak RSS are the
// orchestrator's own: `node fleet-child.js <mode> <agents> <seconds>` where mode
// is "orchestrate" (runParallel of CommandProcess, quiet, with a session) or
// "bare" (spawn and pipe each stream into its own file). Each agent streams
// 20 lines a second on stdout and stderr. CPU is counted from the first spawn
// (not the library's import); RSS is the process's peak, and also its RSS and
// V8 heap at the first spawn (after the import): the part of the peak that is
// fixed before any agent runs. Prints one JSON line.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, repoRoot, tempDir } from '../lib.js';

const [mode, agentsText, secondsText] = process.argv.slice(2);
const agents = Number(agentsText);
const lines = Math.round(Number(secondsText) * 20);
const args = ['0.05', String(lines)];
const dir = tempDir();
// Measured from the first spawn: loading the library is a one-off, not a per-agent cost.
let cpuAtStart = process.cpuUsage();
let started = performance.now();
let atStart = memoryNow();

/** RSS and the V8 heap's committed size now, in MB. */
function memoryNow() {
  const { rss, heapTotal } = process.memoryUsage();
  return { rssMb: rss / 2 ** 20, heapMb: heapTotal / 2 ** 20 };
}

async function bare() {
  atStart = memoryNow();
  cpuAtStart = process.cpuUsage();
  started = performance.now();
  await Promise.all(
    Array.from({ length: agents }, (_, i) => {
      const child = spawn(fixture('print-slowly'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.pipe(createWriteStream(join(dir.path, `${i}.log`)));
      child.stderr.pipe(createWriteStream(join(dir.path, `${i}.stderr.log`)));
      return new Promise((resolve) => child.on('close', resolve));
    }),
  );
}

async function orchestrate() {
  const { CommandProcess, OrchestratorSession, runParallel, silentLogger } = await import(
    join(repoRoot, 'dist/index.js')
  );
  atStart = memoryNow();
  cpuAtStart = process.cpuUsage();
  started = performance.now();
  const session = new OrchestratorSession({
    patternName: 'bench',
    workingDir: dir.path,
    baseLogDir: dir.path,
    logger: silentLogger,
  });
  const processes = Array.from({ length: agents }, (_, i) =>
    session.track(
      new CommandProcess({
        command: fixture('print-slowly'),
        args,
        processId: `agent-${i}`,
        workingDir: dir.path,
        logDir: session.processLogDir,
        streamOutput: false,
        logger: silentLogger,
      }),
    ),
  );
  await runParallel(processes);
  await session.close();
}

await (mode === 'bare' ? bare() : orchestrate());
const cpu = process.cpuUsage(cpuAtStart);
const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
process.stdout.write(
  JSON.stringify({
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: hwm / 1024,
    startRssMb: atStart.rssMb,
    startHeapMb: atStart.heapMb,
    endHeapMb: memoryNow().heapMb,
    wallMs: performance.now() - started,
  }) + '\n',
);
dir.cleanup();
