/** The versions a session records: orchestrate's own, and the agent binary's. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { killTree, sweepGroup } from '../process/terminate/kill-tree.js';

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
 * `timeoutMs`. The command runs in its own process group, as agents do: the
 * answer comes at its exit (not when its pipes close, which a stray descendant
 * could hold open), and whatever it leaves behind, or a hang, ends with the tree.
 */
export function commandVersion(
  command: string,
  env: Record<string, string | undefined> = {},
  timeoutMs = 10_000,
): Promise<string | null> {
  return new Promise((resolve) => {
    let stdout = '';
    const child = spawn(command, ['--version'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true,
    });
    child.on('error', () => resolve(null));
    if (child.pid === undefined) return;
    const pid = child.pid;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => (stdout += text));
    const timer = setTimeout(() => void killTree(pid, { graceMs: 500 }), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      // Give the last bytes a moment, then end any leftover and answer.
      setTimeout(() => {
        child.stdout.destroy();
        void sweepGroup(pid, 500);
        resolve(code === 0 ? versionIn(stdout) : null);
      }, 20);
    });
  });
}
