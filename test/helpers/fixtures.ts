/** Paths and small helpers shared by tests that run fixture executables. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import {
  CommandProcess,
  type CommandProcessOptions,
} from '../../src/agents/command/command-process.js';
import { silentLogger } from '../../src/logging/logger.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturesBin = join(repoRoot, 'test/fixtures/bin');

export function fixture(name: string): string {
  return join(fixturesBin, name);
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = 'orchestrate-test-'): { path: string; cleanup(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** A CommandProcess running a fixture quietly in `dir`, logging to `dir/logs`. */
export function fixtureProcess(
  dir: string,
  name: string,
  options: Partial<CommandProcessOptions> = {},
): CommandProcess {
  return new CommandProcess({
    command: fixture(name),
    processId: options.processId ?? name,
    workingDir: dir,
    logDir: join(dir, 'logs'),
    streamOutput: false,
    logger: silentLogger,
    ...options,
  });
}

/** A Writable that collects what is written to it, for console assertions. */
export function collector(): { stream: PassThrough; text(): string } {
  const stream = new PassThrough();
  const parts: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => parts.push(chunk));
  return { stream, text: () => Buffer.concat(parts).toString() };
}

/** True while the pid names a living (non-zombie) process. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Pids announced by fixtures as `grandchild <pid>` lines. */
export function announcedPids(output: string): number[] {
  return [...output.matchAll(/grandchild (\d+)/g)].map((m) => Number(m[1]));
}

/** Living processes whose environment has `name=value` (a unique marker a test gives its agents). */
export function pidsWithEnv(name: string, value: string): number[] {
  const needle = `\0${name}=${value}\0`;
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      if (`\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}\0`.includes(needle)) found.push(pid);
    } catch {
      // gone, or a zombie
    }
  }
  return found.filter(pidAlive);
}
