/**
 * Reads one config file (JSON or YAML) into setting values, each as the text
 * a flag would carry. Unknown keys and values of the wrong kind are refused
 * with the file, the key and what is accepted; whether a value is a good
 * duration, agent or number is checked later, as its flag is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, resolve } from 'node:path';
import type { parse } from 'yaml';
import { CLIError } from '../errors.js';
import { SETTINGS, SETTING_KEYS } from './settings.js';

export type SettingValues = Partial<Record<string, string>>;

/**
 * yaml is loaded only when a YAML file is read: loading it costs every CLI
 * start ~8 MB of RSS and ~80 ms of CPU (docs/benchmarks.md), and most runs
 * have no config file. Its Node build is CommonJS, so `require` returns the
 * very module an `import` would.
 */
const parseYaml = (text: string): unknown =>
  (createRequire(import.meta.url)('yaml') as { parse: typeof parse }).parse(text);

/** A config file or variable that cannot be used: a usage error (exit 2). */
export class ConfigError extends CLIError {
  constructor(message: string, command?: string) {
    super(message, 'E_USAGE', command);
  }
}

export function readConfigFile(file: string): SettingValues {
  let data: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    data = extname(file) === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(`${file}: cannot read it: ${(error as Error).message}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(`${file}: expected a mapping of settings (${SETTING_KEYS.join(', ')})`);
  }
  const values: SettingValues = {};
  for (const [key, value] of Object.entries(data)) {
    const setting = SETTINGS.find((s) => s.key === key);
    if (!setting) {
      throw new ConfigError(
        `${file}: unknown setting "${key}"; the settings are ${SETTING_KEYS.join(', ')}`,
      );
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new ConfigError(
        `${file}: ${key}: expected a string or a number (as for ${setting.flag}), got ${JSON.stringify(value)}`,
      );
    }
    const text = String(value);
    values[key] = setting.path ? resolve(dirname(file), text) : text;
  }
  return values;
}
