// Runs every benchmark (after `npm run build`) and prints one table of ratios;
// writes the figures to bench/results/latest.json. `node bench/run.js core`
// runs only the benchmarks whose file path contains "core".
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib.js';

const filter = process.argv[2] ?? '';
const suites = [];
for (const area of readdirSync(join(repoRoot, 'bench'), { withFileTypes: true })) {
  if (!area.isDirectory() || area.name === 'results') continue;
  for (const file of readdirSync(join(repoRoot, 'bench', area.name)).sort()) {
    const path = `${area.name}/${file}`;
    if (file.endsWith('.js') && !file.includes('-child') && path.includes(filter))
      suites.push(path);
  }
}

const rows = [];
let failed = false;
for (const suite of suites) {
  process.stderr.write(`running ${suite}...\n`);
  const module = await import(join(repoRoot, 'bench', suite));
  if (typeof module.run !== 'function') continue;
  const result = await module.run();
  for (const row of [result].flat()) {
    rows.push({ suite, ...row });
    if (!row.pass) failed = true;
    process.stderr.write(
      `  ${row.pass ? 'ok  ' : 'MISS'} ${row.name}: ${row.orchestrate} vs ${row.baseline} -> ${row.ratio ?? '-'} (${row.target})\n`,
    );
  }
}
mkdirSync(join(repoRoot, 'bench/results'), { recursive: true });
const report = { date: new Date().toISOString(), node: process.version, rows };
writeFileSync(join(repoRoot, 'bench/results/latest.json'), JSON.stringify(report, null, 2) + '\n');
console.table(
  rows.map(({ name, orchestrate, baseline, ratio, target, pass }) => ({
    name,
    orchestrate,
    baseline,
    ratio,
    target,
    pass,
  })),
);
process.exitCode = failed ? 1 : 0;
