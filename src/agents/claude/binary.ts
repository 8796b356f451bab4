/**
 * Which `claude` to run: the `command` option, else ORCHESTRATE_CLAUDE_BIN,
 * else `claude` on PATH, else the copy installed with orchestrate
 * (@anthropic-ai/claude-code, an optional peer dependency of this package).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { findExecutable } from '../../process/spawn/spawn-child.js';

export const CLAUDE_BIN_ENV = 'ORCHESTRATE_CLAUDE_BIN';

export const CLAUDE_INSTALL_HINT =
  'Install Claude Code (npm install @anthropic-ai/claude-code), put `claude` on PATH, ' +
  `or point to the binary with the \`command\` option or ${CLAUDE_BIN_ENV}.`;

let bundled: string | null | undefined;

/** The binary shipped in node_modules with this package, if installed. */
export function bundledClaudeBinary(): string | null {
  if (bundled !== undefined) return bundled;
  try {
    const require = createRequire(import.meta.url);
    const manifest = require.resolve('@anthropic-ai/claude-code/package.json');
    bundled = findExecutable(join(dirname(manifest), 'bin', 'claude.exe'));
  } catch {
    bundled = null;
  }
  return bundled;
}

export function resolveClaudeBinary(env: Record<string, string | undefined> = {}): string {
  const fromEnv = env[CLAUDE_BIN_ENV] ?? process.env[CLAUDE_BIN_ENV];
  if (fromEnv) return fromEnv;
  return (
    findExecutable('claude', env.PATH ?? process.env.PATH) ?? bundledClaudeBinary() ?? 'claude'
  );
}
