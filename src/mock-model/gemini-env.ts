/**
 * Points the real `gemini` CLI at the mock model: GOOGLE_GEMINI_BASE_URL and
 * an API key, and `<HOME>/.gemini/settings.json` choosing API-key auth, a
 * pinned model, one attempt per request (else one scripted error is retried
 * for minutes), and no update check or usage statistics.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const GEMINI_MOCK_MODEL = 'gemini-2.5-flash';

/** The key gemini sends; the mock model accepts any key. */
export const GEMINI_MOCK_API_KEY = 'gemini-mock-model-key';

export function geminiMockSettings(): Record<string, unknown> {
  return {
    security: { auth: { selectedType: 'gemini-api-key' } },
    model: { name: GEMINI_MOCK_MODEL },
    general: { maxAttempts: 1, enableAutoUpdate: false, enableAutoUpdateNotification: false },
    privacy: { usageStatisticsEnabled: false },
    telemetry: { enabled: false },
  };
}

/** Writes `<homeDir>/.gemini/settings.json` and returns the variables gemini needs. */
export function geminiMockEnv(url: string, homeDir: string): Record<string, string> {
  const dir = join(homeDir, '.gemini');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), `${JSON.stringify(geminiMockSettings(), null, 2)}\n`);
  return {
    GOOGLE_GEMINI_BASE_URL: url,
    GEMINI_API_KEY: GEMINI_MOCK_API_KEY,
    // The temp cwd is not a folder the user has trusted; headless gemini would refuse it.
    GEMINI_CLI_TRUST_WORKSPACE: 'true',
  };
}
