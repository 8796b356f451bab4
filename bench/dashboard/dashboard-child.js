// The dashboard of bench/dashboard/cpu-cost.js, in its own process so its CPU
// time can be read on its own (µs resolution from process.cpuUsage): prints
// its URL, then on each stdin line "mark" notes its CPU time, and on "end"
// prints the CPU ms used since the mark, closes and exits.
import { createInterface } from 'node:readline';
import { startDashboard } from '../../dist/index.js';

const dashboard = await startDashboard({ baseLogDir: process.argv[2] });
process.stdout.write(`${dashboard.url}\n`);
let mark = process.cpuUsage();
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'mark') mark = process.cpuUsage();
  if (line === 'end') {
    const used = process.cpuUsage(mark);
    await dashboard.close();
    process.stdout.write(`${(used.user + used.system) / 1000}\n`);
    process.exit(0);
  }
}
