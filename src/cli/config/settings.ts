/**
 * The defaults a config file or the environment may set, and where each one
 * goes: the run flag it stands for (so it is checked exactly as that flag is),
 * its environment variable, and whether it is a path (resolved against the
 * file that names it).
 */
import type { RawRunFlags, StrategyName } from '../options/run-flags.js';

export interface Setting {
  /** The key in orchestrate.config.{json,yaml}. */
  key: string;
  /** The run flag it defaults. */
  flag: string;
  raw: keyof RawRunFlags;
  env: string;
  path?: boolean;
  /** Strategies the flag does not apply to: the default is not used there. */
  skip?: StrategyName[];
}

export const SETTINGS: readonly Setting[] = [
  { key: 'agent', flag: '--agent', raw: 'agent', env: 'ORCHESTRATE_AGENT' },
  { key: 'model', flag: '--model', raw: 'model', env: 'ORCHESTRATE_MODEL' },
  {
    key: 'jobs',
    flag: '-j/--max-workers',
    raw: 'maxWorkers',
    env: 'ORCHESTRATE_JOBS',
    skip: ['sequential', 'batch', 'fallback'],
  },
  { key: 'timeout', flag: '--timeout', raw: 'timeout', env: 'ORCHESTRATE_TIMEOUT' },
  {
    key: 'idleTimeout',
    flag: '--idle-timeout',
    raw: 'idleTimeout',
    env: 'ORCHESTRATE_IDLE_TIMEOUT',
  },
  {
    key: 'retries',
    flag: '--retries',
    raw: 'retries',
    env: 'ORCHESTRATE_RETRIES',
    skip: ['fallback'],
  },
  {
    key: 'agentRetries',
    flag: '--agent-retries',
    raw: 'agentRetries',
    env: 'ORCHESTRATE_AGENT_RETRIES',
  },
  { key: 'killGrace', flag: '--kill-grace', raw: 'killGrace', env: 'ORCHESTRATE_KILL_GRACE' },
  { key: 'logDir', flag: '--log-dir', raw: 'logDir', env: 'ORCHESTRATE_LOG_DIR', path: true },
  { key: 'prices', flag: '--prices', raw: 'prices', env: 'ORCHESTRATE_PRICES', path: true },
];

export const SETTING_KEYS = SETTINGS.map((s) => s.key);
