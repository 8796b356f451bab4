// 200 quick fixture processes through ClaudeProcess, one after another, vs a
// bare child_process.spawn loop over the same fixture. Target: ratio <= 1.15.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ClaudeProcess, silentLogger } from '../../dist/index.js';
import { fixture, now, round, tempDir } from '../lib.js';

const COUNT = Number(process.env.BENCH_SPAWN_COUNT ?? 200);

function bare(command, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['-p', 'hi'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
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
    for (let round_ = 0; round_ < 2; round_++) {
      let start = now();
      for (let i = 0; i < COUNT; i++) await bare(command, dir.path);
      const bareMs = now() - start;
      start = now();
      for (let i = 0; i < COUNT; i++) {
        const result = await new ClaudeProcess({
          prompt: 'hi',
          processId: `p-${round_}-${i}`,
          workingDir: dir.path,
          logDir: join(dir.path, 'logs'),
          command,
          streamOutput: false,
          logger: silentLogger,
        }).run();
        if (result.exitCode !== 0) throw new Error(`fixture failed: ${result.message}`);
      }
      rounds.push({ bareMs, oursMs: now() - start });
    }
    const bareMs = Math.min(...rounds.map((r) => r.bareMs));
    const oursMs = Math.min(...rounds.map((r) => r.oursMs));
    return {
      name: `${COUNT} sequential quick processes: ClaudeProcess vs bare spawn loop`,
      baseline: `${round(bareMs, 0)} ms (${round(bareMs / COUNT)} ms each)`,
      orchestrate: `${round(oursMs, 0)} ms (${round(oursMs / COUNT)} ms each)`,
      ratio: round(oursMs / bareMs),
      target: '<= 1.15x',
      pass: oursMs / bareMs <= 1.15,
    };
  } finally {
    dir.cleanup();
  }
}
