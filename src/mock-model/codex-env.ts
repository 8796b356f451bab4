/**
 * Points the real `codex` CLI at the mock model: a throwaway CODEX_HOME whose
 * config.toml selects a loopback model provider (codex ignores
 * OPENAI_BASE_URL), with no retries, no update check and no analytics.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A model codex knows, whose tools are plain functions plus the free-text `apply_patch`. */
export const CODEX_MOCK_MODEL = 'gpt-5.5';

export const CODEX_MOCK_PROVIDER = 'orchestrate_mock';

/**
 * config.toml for CODEX_HOME; `url` is the mock model's base URL (no `/v1`).
 * `maxRetries`: codex's own retries of a failed call (default 0; it prints
 * "Reconnecting... 1/N" for each).
 */
export function codexMockConfig(url: string, maxRetries = 0): string {
  return [
    `model = "${CODEX_MOCK_MODEL}"`,
    `model_provider = "${CODEX_MOCK_PROVIDER}"`,
    'check_for_update_on_startup = false',
    '',
    `[model_providers.${CODEX_MOCK_PROVIDER}]`,
    'name = "orchestrate mock model"',
    `base_url = "${url}/v1"`,
    'wire_api = "responses"',
    `request_max_retries = ${maxRetries}`,
    `stream_max_retries = ${maxRetries}`,
    '',
    '[analytics]',
    'enabled = false',
    '',
    '[feedback]',
    'enabled = false',
    '',
    // Each of these reaches the network at start (a plugin repository, the model catalogue).
    '[features]',
    'plugins = false',
    'remote_plugin = false',
    'apps = false',
    'api_key_model_discovery = false',
    '',
  ].join('\n');
}

/** Writes `<homeDir>/.codex/config.toml` and returns the variables that select it. */
export function codexMockEnv(url: string, homeDir: string, maxRetries = 0): Record<string, string> {
  const codexHome = join(homeDir, '.codex');
  mkdirSync(codexHome, { recursive: true });
  writeFileSync(join(codexHome, 'config.toml'), codexMockConfig(url, maxRetries));
  return { CODEX_HOME: codexHome };
}
