/** The versions a session records: orchestrate's own, and the agent binary's. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { killTree, sweepGroup } from '../process/terminate/kill-tree.js';
import { ensureReaper } from '../process/terminate/reaper.js';
import { newTreeMarker, TREE_MARKER_VARIABLE } from '../process/terminate/tree-marker.js';

let own: string | undefined;

/** This package's version, from its package.json. */
export function orchestrateVersion(): string {
  if (own === undefined) {
    try {
      const require = createRequire(import.meta.url);
      own = String((require('../../package.json') as { version?: unknown }).version ?? 'unknown');
    } catch {
      own = 'unknown';
    }
  }
  return own;
}

function versionIn(stdout: string): string | null {
  const line = stdout.trim().split('\n')[0] ?? '';
  return /\d+\.\d+\.\d+[\w.+-]*/.exec(line)?.[0] ?? (line || null);
}

/**
 * What `<command> --version` says ("2.1.331"), or null if it cannot say within
 * `timeoutMs`, or when `signal` aborts first (then it answers null at once and
 * the probe is killed). The command runs in its own process group, as agents
 * do, marked like them so the reaper ends it if we die: the answer comes at its
 * exit (not when its pipes close, which a stray descendant could hold open),
 * and whatever it leaves behind, or a hang, ends with the tree.
 */
export function commandVersion(
  command: string,
  env: Record<string, string | undefined> = {},
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<string | null> {
  const { timeoutMs = 10_000, signal } = options;
  if (signal?.aborted) return Promise.resolve(null);
  return new Promise((resolve) => {
    let stdout = '';
    const marker = ensureReaper() ? newTreeMarker() : undefined;
    const child = spawn(command, ['--version'], {
      env: { ...process.env, ...env, ...(marker ? { [TREE_MARKER_VARIABLE]: marker } : {}) },
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true,
    });
    child.on('error', () => resolve(null));
    if (child.pid === undefined) return;
    const pid = child.pid;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => (stdout += text));
    const giveUp = (graceMs: number) => {
      child.stdout.destroy();
      void killTree(pid, { graceMs, ...(marker ? { marker } : {}) });
      resolve(null);
    };
    const timer = setTimeout(() => giveUp(500), timeoutMs);
    timer.unref();
    const onAbort = () => {
      clearTimeout(timer);
      giveUp(0);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    child.once('exit', (code) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // Give the last bytes a moment, then end any leftover and answer.
      setTimeout(() => {
        child.stdout.destroy();
        void sweepGroup(pid, 500);
        resolve(code === 0 ? versionIn(stdout) : null);
      }, 20);
    });
  });
}
