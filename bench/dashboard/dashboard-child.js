// The dashboard of bench/dashboard/cpu-cost.js, in its own process so its CPU
// time can be read on its own (µs resolution from process.cpuUsage): prints
// its URL, then on each stdin line "mark" notes its CPU time, and on "end"
// prints the CPU ms used since the mark, closes and exits. A third argument
// names another build's dist folder to run instead (the bench's A/B rounds);
// BENCH_DASHBOARD_SPLIT=1 prints its user and system CPU apart.
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const build = process.argv[3]
  ? pathToFileURL(`${process.argv[3]}/index.js`).href
  : '../../dist/index.js';
const { startDashboard } = await import(build);

const dashboard = await startDashboard({ baseLogDir: process.argv[2] });
process.stdout.write(`${dashboard.url}\n`);
let mark = process.cpuUsage();
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'mark') mark = process.cpuUsage();
  if (line === 'end') {
    const used = process.cpuUsage(mark);
    if (process.env.BENCH_DASHBOARD_SPLIT)
      process.stderr.write(
        `    dashboard user ${used.user / 1000} ms, system ${used.system / 1000} ms\n`,
      );
    await dashboard.close();
    process.stdout.write(`${(used.user + used.system) / 1000}\n`);
    process.exit(0);
  }
}
