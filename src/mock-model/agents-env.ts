/**
 * One environment that points every built-in agent CLI (claude, codex,
 * gemini) at the same mock model, sharing one throwaway HOME. Spread it over
 * the parent's environment; it writes codex's and gemini's config files.
 */
import { codexMockEnv } from './codex-env.js';
import { mockModelEnv, type MockModelEnvOptions } from './env.js';
import { geminiMockEnv } from './gemini-env.js';

/** Inherited variables that would send an agent's calls elsewhere or to the user's account. */
export const AGENT_ENV_DROPPED =
  /^(ANTHROPIC_|CLAUDE_|CLAUDECODE$|OPENAI_|CODEX_|GEMINI_|GOOGLE_)/i;

/** A proxy on a loopback port where nothing listens: a call meant for any other host fails at once. */
export const DEAD_PROXY = 'http://127.0.0.1:9';

const LOOPBACK = '127.0.0.1,localhost,::1';

/** Every HTTP client that honours the proxy variables sends non-loopback calls nowhere. */
export function loopbackOnlyEnv(): Record<string, string> {
  const env: Record<string, string> = { NO_PROXY: LOOPBACK, no_proxy: LOOPBACK };
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY']) {
    env[name] = DEAD_PROXY;
    env[name.toLowerCase()] = DEAD_PROXY;
  }
  return env;
}

export interface MockAgentsEnvOptions extends MockModelEnvOptions {
  /** codex's own retries of a failed call (default 0). */
  codexRetries?: number;
}

export function mockAgentsEnv(
  url: string,
  homeDir: string,
  options: MockAgentsEnvOptions = {},
): Record<string, string> {
  const { codexRetries = 0, ...claude } = options;
  return {
    ...mockModelEnv(url, homeDir, claude),
    ...codexMockEnv(url, homeDir, codexRetries),
    ...geminiMockEnv(url, homeDir),
    ...loopbackOnlyEnv(),
  };
}
