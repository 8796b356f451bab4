/**
 * The environment that points the real `claude` CLI at the mock model and
 * keeps it offline, quiet and quick. Spread it over the parent's environment.
 */
import { join } from 'node:path';

export interface MockModelEnvOptions {
  /**
   * claude's own retries of a failed API call (`CLAUDE_CODE_MAX_RETRIES`).
   * claude waits about 0.5 s, 1 s, 2 s, 4 s... between them (its default is
   * 10 retries, several minutes of waiting); the default here is 2.
   */
  maxRetries?: number;
  /**
   * How claude signs in: `'api-key'` (default: `ANTHROPIC_API_KEY`) or
   * `'subscription'` (`CLAUDE_CODE_OAUTH_TOKEN`, as a Pro/Max login). Only a
   * subscription reads the `anthropic-ratelimit-unified-*` headers and prints
   * `rate_limit_event`s; an API key sees plain 429s and retries them.
   */
  auth?: 'api-key' | 'subscription';
}

/** The token claude sends in `'subscription'` mode; the mock model accepts any. */
export const MOCK_OAUTH_TOKEN = 'sk-ant-oat01-mock-model';

export const DEFAULT_MOCK_MAX_RETRIES = 2;

/** The API key claude sends; the mock model accepts any key. */
export const MOCK_API_KEY = 'sk-ant-mock-model';

export function mockModelEnv(
  url: string,
  homeDir: string,
  options: MockModelEnvOptions = {},
): Record<string, string> {
  const maxRetries = options.maxRetries ?? DEFAULT_MOCK_MAX_RETRIES;
  const auth = options.auth ?? 'api-key';
  if (auth !== 'api-key' && auth !== 'subscription') {
    throw new TypeError(
      `Expected \`auth\` to be 'api-key' or 'subscription', got \`${String(auth)}\` (${typeof auth})`,
    );
  }
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new TypeError(
      `Expected \`maxRetries\` to be a non-negative integer, got \`${String(maxRetries)}\` (${typeof maxRetries})`,
    );
  }
  if (!/^https?:\/\//.test(url)) {
    throw new TypeError(`Expected \`url\` to be an http(s) URL, got \`${url}\` (${typeof url})`);
  }
  return {
    // Where the model is, and a key so claude needs no login.
    ANTHROPIC_BASE_URL: url,
    ...(auth === 'api-key'
      ? { ANTHROPIC_API_KEY: MOCK_API_KEY }
      : { CLAUDE_CODE_OAUTH_TOKEN: MOCK_OAUTH_TOKEN }),
    // A throwaway home: the user's config, sessions and credentials are never read or written.
    HOME: homeDir,
    CLAUDE_CONFIG_DIR: join(homeDir, '.claude'),
    // No traffic but the API calls: no preconnect, telemetry, update or error reports.
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    // Scripted errors end in seconds, not minutes.
    CLAUDE_CODE_MAX_RETRIES: String(maxRetries),
    // An inherited cloud provider or proxy would send the calls elsewhere.
    CLAUDE_CODE_USE_BEDROCK: '0',
    CLAUDE_CODE_USE_VERTEX: '0',
    CLAUDE_CODE_USE_FOUNDRY: '0',
    NO_PROXY: '127.0.0.1,localhost,::1',
    no_proxy: '127.0.0.1,localhost,::1',
  };
}
