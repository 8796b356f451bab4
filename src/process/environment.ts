/**
 * The child's environment: the parent's, minus the variables that make Claude
 * Code believe it runs nested inside another Claude Code session, plus `env`.
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
  if (Object.keys(extra).length === 0 && !NESTING_VARIABLES.some((key) => key in parent))
    return parent;
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
