/**
 * Runs the built CLI (dist/cli/main.js) as a real subprocess: real argv, real
 * exit codes, real signals. `npm test` builds first (pretest).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../helpers/fixtures.js';

export const cliPath = join(repoRoot, 'dist/cli/main.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Written to stdin, then stdin is closed (default: closed at once). */
  input?: string;
}

/** The environment tests give the CLI: no colours, no terminal, no stray claude config. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    ...extra,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return env;
}

export function startCli(
  args: string[],
  options: CliOptions = {},
): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: cliEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  child.stdin!.end(options.input ?? '');
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

/** The one session folder under a --log-dir. */
export function onlySession(logDir: string): string {
  const entries = readdirSync(logDir);
  if (entries.length !== 1)
    throw new Error(`expected one session in ${logDir}, found ${entries.join(', ') || 'none'}`);
  return join(logDir, entries[0]!);
}

/** The records of a session's events.jsonl (those written so far). */
export function sessionEvents(
  sessionDir: string,
): Array<Record<string, unknown> & { kind: string }> {
  const file = join(sessionDir, 'events.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
}

/**
 * Polls until `check` (sync or async: a read of a file, a fetch) returns a
 * value (not undefined/false), or fails after `ms` saying what it waited for
 * (`what` may be a function, to tell what was seen last).
 */
export async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 20_000,
  what: string | (() => string) = 'a condition',
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The one session folder under `logDir`, once its first process has started. */
export function waitForFirstStart(logDir: string): Promise<string> {
  return waitFor(
    () => {
      try {
        const found = onlySession(logDir);
        return sessionEvents(found).some((e) => e.kind === 'process-start') && found;
      } catch {
        return false; // no session folder yet
      }
    },
    20_000,
    'the first process to start',
  );
}
