// Runs the whole suite N times (default 5) while busy loops load every core,
// and reports each test that failed in any run. Exit code 0 only when every
// run passed. `npm run test:soak -- --runs 10 --burners 4`; `--` passes the
// rest to vitest (`npm run test:soak -- -- test/strategies`).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.SOAK_RUNS ?? '5' },
    burners: { type: 'string', default: String(availableParallelism()) },
  },
  allowPositionals: true,
});

function count(name, text, min) {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) {
    console.error(`--${name}: expected an integer of at least ${min}, got "${text}"`);
    process.exit(2);
  }
  return value;
}
const runs = count('runs', values.runs, 1);
const burnerCount = count('burners', values.burners, 0);

/** A busy loop in its own process, ended (by its pid) when the soak ends. */
function burn() {
  const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  child.unref();
  return child;
}

function runSuite(reportFile) {
  return new Promise((resolve) => {
    const vitest = join('node_modules', 'vitest', 'vitest.mjs');
    const args = [vitest, 'run', '--reporter=dot', '--reporter=json'];
    args.push(`--outputFile.json=${reportFile}`, ...positionals);
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('close', (code) => resolve(code));
  });
}

/** Full names of the tests that failed, from vitest's JSON report (null if there is none). */
function failedTests(reportFile) {
  let report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    return null;
  }
  const failed = [];
  for (const file of report.testResults ?? []) {
    const where = file.name.replace(`${process.cwd()}/`, '');
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0)
      failed.push(`${where}: ${file.message ?? 'the file failed to run'}`);
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'failed') failed.push(`${where} > ${test.fullName}`);
    }
  }
  return { failed, total: report.numTotalTests ?? 0 };
}

const burners = Array.from({ length: burnerCount }, burn);
const stopBurners = () => burners.forEach((child) => child.kill('SIGKILL'));
process.on('exit', stopBurners);
process.on('SIGINT', () => process.exit(130));

const dir = mkdtempSync(join(tmpdir(), 'orchestrate-soak-'));
const failures = new Map();
const lines = [];
let failedRuns = 0;
try {
  for (let run = 1; run <= runs; run++) {
    const reportFile = join(dir, `run-${run}.json`);
    const started = Date.now();
    console.log(`\nsoak run ${run}/${runs} with ${burnerCount} busy loop(s)`);
    const code = await runSuite(reportFile);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const found = failedTests(reportFile);
    const failed = found?.failed ?? [`run ${run}: no report (vitest exited with ${code})`];
    if (code !== 0 && failed.length === 0) failed.push(`run ${run}: vitest exited with ${code}`);
    for (const name of failed) failures.set(name, (failures.get(name) ?? 0) + 1);
    if (failed.length > 0) failedRuns++;
    const total = found?.total ?? '?';
    const outcome =
      failed.length === 0 ? `all ${total} tests passed` : `${failed.length} of ${total} failed`;
    lines.push(`run ${run}: ${outcome} in ${seconds} s`);
  }
} finally {
  stopBurners();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`\nsoak: ${runs - failedRuns}/${runs} runs passed under ${burnerCount} busy loop(s)`);
for (const line of lines) console.log(`  ${line}`);
if (failures.size > 0) {
  console.log('tests that failed at least once:');
  for (const [name, times] of [...failures].sort((a, b) => b[1] - a[1]))
    console.log(`  ${times}/${runs}  ${name}`);
}
process.exit(failedRuns === 0 ? 0 : 1);
