/**
 * The child's environment: the parent's, minus the variables that make Claude
 * Code believe it runs nested inside another Claude Code session, plus `env`.
 * It may inherit the parent's variables through its prototype: read it with
 * `for...in` or `flatEnvironment()`, not Object.keys.
 */
const NESTING_VARIABLES = [
  'CLAUDECODE',
  'CLAUDE_CODE_ENTRYPOINT',
  'CLAUDE_CODE_SSE_PORT',
  'CLAUDE_CODE_SESSION_ID',
  'CLAUDE_AGENT_SDK_VERSION',
];

export function childEnvironment(
  extra: Record<string, string | undefined> = {},
  parent: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  // The common case needs no copy (spawn copies it anyway): measured in bench/core.
  const nested = NESTING_VARIABLES.some((key) => key in parent);
  if (Object.keys(extra).length === 0 && !nested) return parent;
  // Only additions (the tree marker, say): layered over the parent, not copied.
  // spawn() reads inherited variables too; a copy of ~40 variables costs 0.2 ms a spawn.
  if (!nested && Object.values(extra).every((value) => value !== undefined)) {
    return Object.assign(Object.create(parent) as NodeJS.ProcessEnv, extra);
  }
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(parent)) {
    if (value !== undefined && !NESTING_VARIABLES.includes(key)) env[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

export { NESTING_VARIABLES };

/** The environment as a plain object of its own variables (for APIs that copy with Object.keys). */
export function flatEnvironment(env: NodeJS.ProcessEnv): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const key in env) {
    const value = env[key];
    if (value !== undefined) flat[key] = value;
  }
  return flat;
}
