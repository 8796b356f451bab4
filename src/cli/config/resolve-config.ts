/**
 * The defaults in force for a run: each setting from the environment
 * (ORCHESTRATE_*), else the project's config file, else the user's. Each value
 * is checked by the same code as its flag, and an error names where the value
 * came from. Flags given on the command line win over all of them.
 */
import { resolve } from 'node:path';
import { CLIError } from '../errors.js';
import { normalizeRunFlags } from '../options/normalize-run-flags.js';
import type { RawRunFlags, StrategyName } from '../options/run-flags.js';
import { projectConfigFile, userConfigFile } from './find-config.js';
import { ConfigError, readConfigFile, type SettingValues } from './read-config.js';
import { SETTINGS, type Setting } from './settings.js';

export interface ResolvedSetting {
  setting: Setting;
  value: string;
  /** The variable's name or the file's path. */
  source: string;
}

export interface ResolvedConfig {
  projectFile: string | null;
  userFile: string | null;
  settings: ResolvedSetting[];
}

export function resolveConfig(
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  command?: string,
): ResolvedConfig {
  let projectFile: string | null;
  let userFile: string | null;
  try {
    projectFile = projectConfigFile(cwd);
    userFile = userConfigFile(env);
  } catch (error) {
    throw new ConfigError((error as Error).message, command);
  }
  const layers: Array<{ source: string; values: SettingValues }> = [];
  for (const setting of SETTINGS) {
    const value = env[setting.env];
    if (value !== undefined && value !== '') {
      const text = setting.path ? resolve(cwd, value) : value;
      layers.push({ source: setting.env, values: { [setting.key]: text } });
    }
  }
  const read = (file: string) => {
    try {
      return readConfigFile(file);
    } catch (error) {
      throw error instanceof ConfigError ? new ConfigError(error.message, command) : error;
    }
  };
  if (projectFile) layers.push({ source: projectFile, values: read(projectFile) });
  if (userFile) layers.push({ source: userFile, values: read(userFile) });
  const settings: ResolvedSetting[] = [];
  for (const setting of SETTINGS) {
    const layer = layers.find((l) => l.values[setting.key] !== undefined);
    if (!layer) continue;
    const found = { setting, value: layer.values[setting.key]!, source: layer.source };
    checkSetting(found, command);
    settings.push(found);
  }
  return { projectFile, userFile, settings };
}

/** The value passes the check its flag gets, or a usage error names its source. */
function checkSetting({ setting, value, source }: ResolvedSetting, command?: string): void {
  try {
    normalizeRunFlags('parallel', rawFor(setting, value), []);
  } catch (error) {
    if (!(error instanceof CLIError)) throw error;
    const reason = error.message.startsWith(`${setting.flag}: `)
      ? error.message.slice(setting.flag.length + 2)
      : error.message;
    const where = source.startsWith('ORCHESTRATE_') ? source : `${source}: ${setting.key}`;
    throw new ConfigError(`${where} (the default for ${setting.flag}): ${reason}`, command);
  }
}

function rawFor(setting: Setting, value: string): RawRunFlags {
  return { [setting.raw]: setting.raw === 'model' ? [value] : value } as RawRunFlags;
}

/**
 * The run's flags with the config's defaults under them: a setting is used
 * when its flag was not given and applies to the strategy.
 */
export function withConfigDefaults(
  strategy: StrategyName,
  raw: RawRunFlags,
  config: ResolvedConfig,
): RawRunFlags {
  const merged: RawRunFlags = { ...raw };
  for (const { setting, value } of config.settings) {
    if (setting.skip?.includes(strategy)) continue;
    if (given(setting, raw)) continue;
    Object.assign(merged, rawFor(setting, value));
  }
  return merged;
}

function given(setting: Setting, raw: RawRunFlags): boolean {
  if (raw[setting.raw] !== undefined) return true;
  if (setting.raw === 'maxWorkers') return raw.jobs !== undefined;
  // --command (and a binary for another agent) chooses the agent itself.
  if (setting.raw === 'agent') return raw.command !== undefined || raw.claudeBin !== undefined;
  return false;
}

/** Settings a pattern command takes (its --model names one model). */
const PATTERN_SETTINGS = new Set<keyof RawRunFlags>([
  'agent',
  'model',
  'maxWorkers',
  'timeout',
  'logDir',
]);

/** A pattern's flags with the config's defaults under them. */
export function withPatternConfigDefaults<T extends object>(raw: T, config: ResolvedConfig): T {
  const given = raw as Partial<Record<string, unknown>>;
  const merged: Record<string, unknown> = { ...given };
  for (const { setting, value } of config.settings) {
    if (!PATTERN_SETTINGS.has(setting.raw)) continue;
    if (given[setting.raw] !== undefined) continue;
    if (setting.raw === 'agent' && (given.command !== undefined || given.claudeBin !== undefined))
      continue;
    merged[setting.raw] = value;
  }
  return merged as T;
}
