// 1 GiB through stdout with streamOutput: false, vs the same fixture piped
// through `cat` into a file. Targets: >= 70% of cat's throughput, peak RSS < 100 MB.
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, now, repoRoot, round, tempDir } from '../lib.js';

const BYTES = Number(process.env.BENCH_FLOOD_BYTES ?? 1024 ** 3);
const ROUNDS = 3;

function viaCat(dir) {
  // A fresh file each time, as orchestrate writes (a truncated one costs a flush on close).
  rmSync(join(dir, 'cat.out'), { force: true });
  const start = now();
  execFileSync('sh', ['-c', `"$0" | cat > "$1"`, fixture('flood-stdout'), join(dir, 'cat.out')], {
    env: { ...process.env, FLOOD_BYTES: String(BYTES) },
  });
  return now() - start;
}

function viaOrchestrate(dir) {
  const child = spawnSync(
    process.execPath,
    [join(repoRoot, 'bench/core/throughput-child.js'), dir, String(BYTES)],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`throughput child failed: ${child.stderr}`);
  const report = JSON.parse(child.stdout);
  if (report.logBytes < BYTES) throw new Error(`log holds ${report.logBytes} of ${BYTES} bytes`);
  return report;
}

export async function run() {
  const dir = tempDir();
  try {
    const cat = [];
    const ours = [];
    for (let i = 0; i < ROUNDS; i++) {
      cat.push(viaCat(dir.path));
      ours.push(viaOrchestrate(dir.path));
    }
    const catMs = Math.min(...cat);
    const best = ours.reduce((a, b) => (a.ms <= b.ms ? a : b));
    const maxRssMb = Math.max(...ours.map((o) => o.maxRssMb));
    const mbps = (ms) => round(BYTES / 1024 ** 2 / (ms / 1000), 0);
    const share = catMs / best.ms;
    return {
      name: `${round(BYTES / 1024 ** 3)} GiB of stdout: ClaudeProcess (streamOutput false) vs fixture | cat > file`,
      baseline: `${mbps(catMs)} MiB/s`,
      orchestrate: `${mbps(best.ms)} MiB/s, peak RSS ${round(maxRssMb, 0)} MB`,
      ratio: round(share),
      target: '>= 0.70 of cat, RSS < 100 MB',
      pass: share >= 0.7 && maxRssMb < 100,
    };
  } finally {
    dir.cleanup();
  }
}
