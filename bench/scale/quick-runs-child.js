// RSS of a session after many quick runs, in a fresh Node process with
// --expose-gc: `node --expose-gc quick-runs-child.js 1000 10000` runs quick
// fixture processes through runParallel (8 at a time) in one session and
// prints the RSS after a GC at each count. Prints one JSON line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, repoRoot, tempDir } from '../lib.js';

const checkpoints = process.argv.slice(2).map(Number);
const { CommandProcess, OrchestratorSession, runParallel, silentLogger } = await import(
  join(repoRoot, 'dist/index.js')
);
const dir = tempDir();
const session = new OrchestratorSession({
  patternName: 'bench',
  workingDir: dir.path,
  baseLogDir: dir.path,
  logger: silentLogger,
});
const rssMb = () => {
  globalThis.gc?.();
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024;
};
const figures = { before: rssMb() };
let done = 0;
for (const target of checkpoints) {
  while (done < target) {
    const batch = Math.min(200, target - done);
    const processes = Array.from({ length: batch }, (_, i) =>
      session.track(
        new CommandProcess({
          command: fixture('print-ok'),
          processId: `quick-${done + i}`,
          workingDir: dir.path,
          logDir: session.processLogDir,
          streamOutput: false,
          logger: silentLogger,
        }),
      ),
    );
    await runParallel(processes, { maxWorkers: 8 });
    done += batch;
  }
  figures[target] = rssMb();
}
figures.heldRecords = session.events().length;
await session.close();
process.stdout.write(JSON.stringify(figures) + '\n');
dir.cleanup();
