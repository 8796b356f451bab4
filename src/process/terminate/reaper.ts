/**
 * The reaper: one small process per orchestrator that ends every agent tree
 * this process started when this process goes away, however it goes (a return,
 * an exception, process.exit(), any signal, SIGKILL included, which no handler
 * sees). It holds the read end of a pipe from us; the kernel closes our end
 * when we die, and the reaper then ends every process that carries our marker
 * (see tree-marker.ts) and their descendants, and exits.
 *
 * It starts with the first agent, in its own session (a Ctrl-C or a closed
 * terminal does not reach it), and never keeps this process alive.
 * ORCHESTRATE_REAPER=off turns marking and reaping off.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ownerToken } from './tree-marker.js';

let reaper: ChildProcess | null = null;

export function reaperEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.ORCHESTRATE_REAPER !== 'off';
}

/** The reaper's program: the built .js, or the .ts source under a test runner (through tsx). */
function program(): { args: string[]; cwd?: string } {
  const built = fileURLToPath(new URL('./reaper-main.js', import.meta.url));
  if (existsSync(built)) return { args: [built] };
  const source = fileURLToPath(new URL('./reaper-main.ts', import.meta.url));
  return {
    args: ['--import', 'tsx', source],
    cwd: fileURLToPath(new URL('../../..', import.meta.url)),
  };
}

/** Starts the reaper unless it runs already; true when one is watching. */
export function ensureReaper(): boolean {
  if (reaper) return true;
  if (!reaperEnabled()) return false;
  const { args, cwd } = program();
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [...args, ownerToken()], {
      detached: true, // its own session: signals meant for us and our terminal pass it by
      stdio: ['pipe', 'ignore', 'ignore'],
      ...(cwd ? { cwd } : {}),
    });
  } catch {
    return false;
  }
  if (child.pid === undefined) {
    child.on('error', () => undefined);
    return false;
  }
  reaper = child;
  child.on('error', () => undefined);
  child.stdin?.on('error', () => undefined);
  // If it dies while we live, the next agent starts another.
  child.once('exit', () => {
    if (reaper === child) reaper = null;
  });
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  return true;
}

/** The reaper's pid, for tests and diagnostics; null when none runs. */
export function reaperPid(): number | null {
  return reaper?.pid ?? null;
}
