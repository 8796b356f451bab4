/**
 * Which binary runs an agent when the task names none: the agent's
 * ORCHESTRATE_<NAME>_BIN variable, else the name on PATH, else the copy in
 * node_modules when the agent's npm package is installed beside orchestrate.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findExecutable } from '../process/spawn/spawn-child.js';

export interface BinarySource {
  /** The command name on PATH, e.g. "codex". */
  name: string;
  /** The variable that overrides it, e.g. ORCHESTRATE_CODEX_BIN. */
  envVar: string;
  /** The npm package that ships it and the binary's path inside that package. */
  npmPackage: string;
  binPath: string;
}

const bundled = new Map<string, string | null>();

function bundledBinary(source: BinarySource): string | null {
  if (!bundled.has(source.npmPackage)) {
    let found: string | null = null;
    try {
      const manifest = createRequire(import.meta.url).resolve(`${source.npmPackage}/package.json`);
      found = findExecutable(join(dirname(manifest), source.binPath));
    } catch {
      found = null;
    }
    bundled.set(source.npmPackage, found);
  }
  return bundled.get(source.npmPackage) ?? null;
}

export function resolveBinary(
  source: BinarySource,
  env: Record<string, string | undefined> = {},
): string {
  const fromEnv = env[source.envVar] ?? process.env[source.envVar];
  if (fromEnv) return fromEnv;
  return (
    findExecutable(source.name, env.PATH ?? process.env.PATH) ??
    bundledBinary(source) ??
    source.name
  );
}

export function installHint(source: BinarySource): string {
  return (
    `Install it (npm install ${source.npmPackage}), put \`${source.name}\` on PATH, ` +
    `or point to the binary with the \`command\` option or ${source.envVar}.`
  );
}
