/**
 * Runs the REAL claude binary against the mock model: a server, a throwaway
 * HOME and working folder, the environment that joins them, and a runner that
 * spawns claude in stream-json mode and parses what it prints.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  mockModelEnv,
  startMockModel,
  type MockModel,
  type MockModelEnvOptions,
  type MockScriptInput,
} from '../../src/mock-model/index.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The claude CLI installed with the project's dependencies. */
export const claudeBin = join(REPO_ROOT, 'node_modules', '.bin', 'claude');

/** Inherited variables that would point claude elsewhere or make it think it is nested. */
const DROPPED = /^(ANTHROPIC_|CLAUDE_|CLAUDECODE$|HTTPS?_PROXY$|ALL_PROXY$)/i;

export interface MockClaude {
  env: NodeJS.ProcessEnv;
  claudeBin: string;
  /** A fresh empty folder to run claude in. */
  cwd: string;
  home: string;
  /** The mock model server (its `requests` record every call). */
  model: MockModel;
  cleanup(): Promise<void>;
}

export async function withMockClaude(
  script?: MockScriptInput,
  options: MockModelEnvOptions = {},
): Promise<MockClaude> {
  if (!existsSync(claudeBin)) throw new Error(`claude is not installed at ${claudeBin}`);
  const model = await startMockModel({ script });
  const home = await mkdtemp(join(tmpdir(), 'mock-claude-home-'));
  const cwd = await mkdtemp(join(tmpdir(), 'mock-claude-cwd-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!DROPPED.test(key)) env[key] = value;
  }
  Object.assign(env, mockModelEnv(model.url, home, options));
  return {
    env,
    claudeBin,
    cwd,
    home,
    model,
    async cleanup() {
      await model.close();
      await rm(home, { recursive: true, force: true });
      await rm(cwd, { recursive: true, force: true });
    },
  };
}

/** One JSON line of claude's stream-json output. */
export type ClaudeEvent = { type: string; subtype?: string } & Record<string, unknown>;

export interface ClaudeRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  events: ClaudeEvent[];
  /** The last `result` event, if claude printed one. */
  result: ClaudeEvent | undefined;
  stdout: string;
  stderr: string;
  durationMs: number;
  /** True when the run was killed for outliving `timeoutMs`. */
  timedOut: boolean;
  /** True when the run was killed because `signal` aborted. */
  aborted: boolean;
}

export interface RunClaudeOptions {
  /** Kill claude (SIGKILL) after this long; default 45 s (a loaded machine is slow to start it). */
  timeoutMs?: number;
  /** Kill claude (SIGKILL) when this aborts. */
  signal?: AbortSignal;
}

/** `claude -p PROMPT --output-format stream-json --verbose ...extraArgs`, stdin closed. */
export function runClaude(
  mock: MockClaude,
  prompt: string,
  extraArgs: readonly string[] = [],
  { timeoutMs = 45_000, signal }: RunClaudeOptions = {},
): Promise<ClaudeRun> {
  const args = ['-p', prompt, '--output-format', 'stream-json', '--verbose', ...extraArgs];
  const started = Date.now();
  const child = spawn(mock.claudeBin, args, {
    cwd: mock.cwd,
    env: mock.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  let aborted = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);
  const onAbort = () => {
    aborted = true;
    child.kill('SIGKILL');
  };
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, exitSignal) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      const events = stdout
        .split('\n')
        .filter((line) => line.trim().startsWith('{'))
        .map((line) => JSON.parse(line) as ClaudeEvent);
      const result = events.filter((event) => event.type === 'result').at(-1);
      const durationMs = Date.now() - started;
      resolvePromise({
        exitCode,
        signal: exitSignal,
        events,
        result,
        stdout,
        stderr,
        durationMs,
        timedOut,
        aborted,
      });
    });
  });
}
