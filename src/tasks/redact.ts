/**
 * A spec as it may be written down: the values of `env` variables whose names
 * look secret (API keys, tokens, passwords, credentials) replaced by a marker,
 * so records and reports can be kept and shared. Everything else is kept, so
 * the task can be run again once the secrets are supplied.
 */
import type { TaskSpec } from './task-spec.js';

export const REDACTED = '[redacted]';

const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|AUTH|CREDENTIAL|COOKIE|PRIVATE/i;

/** True for names like ANTHROPIC_API_KEY, GITHUB_TOKEN, DB_PASSWORD, AUTHORIZATION. */
export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** A copy of `spec` with secret-looking `env` values replaced by "[redacted]". */
export function redactSpec(spec: TaskSpec): TaskSpec {
  if (!spec.env) return { ...spec };
  const env = Object.fromEntries(
    Object.entries(spec.env).map(([name, value]) => [name, looksSecret(name) ? REDACTED : value]),
  );
  return { ...spec, env };
}
