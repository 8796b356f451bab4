/**
 * Where config files are: the project's (orchestrate.config.json, .yaml or
 * .yml in the working directory or the nearest folder above it that has one)
 * and the user's ($XDG_CONFIG_HOME/orchestrate/config.{json,yaml,yml}, by
 * default under ~/.config).
 */
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const EXTENSIONS = ['json', 'yaml', 'yml'];

function firstFile(dir: string, stem: string): string | null {
  const found = EXTENSIONS.map((ext) => join(dir, `${stem}.${ext}`)).filter(isFile);
  if (found.length > 1) {
    throw new Error(
      `${dir} has ${found.length} config files (${found.map((f) => f.slice(dir.length + 1)).join(', ')}); keep one`,
    );
  }
  return found[0] ?? null;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

export function projectConfigFile(cwd: string): string | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = firstFile(dir, 'orchestrate.config');
    if (file) return file;
    if (dirname(dir) === dir) return null;
  }
}

export function userConfigFile(env: NodeJS.ProcessEnv = process.env): string | null {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return firstFile(join(base, 'orchestrate'), 'config');
}
