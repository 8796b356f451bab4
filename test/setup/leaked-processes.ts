/**
 * Vitest global setup: marks this test run, and at its end finds and ends
 * every process a test left running, then fails the run if there were any.
 *
 * The mark is an environment variable with a value unique to this run: every
 * process a test starts inherits it (fixtures, claude, the CLI and whatever
 * they start), and no other run on the machine has the same value, so only
 * this run's leftovers are ever touched.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export const RUN_MARKER = 'ORCHESTRATE_TEST_RUN';

interface Marked {
  pid: number;
  command: string;
}

function marked(variable: string): Marked[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return []; // no /proc: nothing to look at
  }
  const found: Marked[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
      if (!environ.includes(variable)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue; // a zombie: already dead
      const command = readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim();
      // The runner's own workers carry the mark too; they end with the run.
      if (command.includes('vitest/dist/workers')) continue;
      found.push({ pid, command });
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}

/** What is still running with the mark, after giving stragglers a moment to finish exiting. */
async function leftovers(variable: string): Promise<Marked[]> {
  let found = marked(variable);
  for (let i = 0; i < 10 && found.length > 0; i++) {
    await sleep(200);
    found = marked(variable);
  }
  return found;
}

export default function setup(): () => Promise<void> {
  const value = randomUUID();
  process.env[RUN_MARKER] = value;
  return async () => {
    const found = await leftovers(`${RUN_MARKER}=${value}`);
    if (found.length === 0) return;
    for (const { pid } of found) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Ended meanwhile.
      }
    }
    // Vitest reports an error thrown here but keeps the exit code: set it.
    process.exitCode = 1;
    const list = found.map(({ pid, command }) => `  ${pid} ${command.slice(0, 160)}`).join('\n');
    throw new Error(
      `The tests left ${found.length} process(es) running; they were ended. A test that starts a process must end it:\n${list}`,
    );
  };
}
