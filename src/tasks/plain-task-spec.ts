/**
 * The check of a spec that is plainly valid, without zod: the specs the CLI
 * builds from its flags, and most that callers build. It answers with the
 * copy zod would give (fields in the schema's order), or null whenever
 * anything is unusual; zod (task-spec-schema.ts, loaded then) has the last
 * word and words the problems. A property test holds this check to the
 * schema: it never accepts what zod rejects, and its copy equals zod's.
 * Why not zod for every spec: loading it costs 12.6 MB of RSS and 94 modules
 * (its locales load with every entry point), which kept a fleet's RSS above
 * 1.3x of a bare spawn script (docs/benchmarks.md, session 5 and 6).
 */
import { processIdProblem } from '../process/process-id.js';
import { TASK_FIELDS, type TaskSpec } from './task-spec.js';

type Copy = (value: unknown) => { ok: true; value: unknown } | null;

const same = (test: (value: unknown) => boolean): Copy => {
  return (value) => (test(value) ? { ok: true, value } : null);
};
const isString = (value: unknown): value is string => typeof value === 'string';
const nonEmpty = same((value) => isString(value) && value.length > 0);
const milliseconds = same((value) => Number.isSafeInteger(value) && (value as number) >= 0);
const positive = same((value) => Number.isSafeInteger(value) && (value as number) >= 1);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  // Symbol keys, non-enumerable or `__proto__` keys: zod decides.
  const names = Object.getOwnPropertyNames(value);
  return (
    Object.getOwnPropertySymbols(value).length === 0 &&
    names.length === Object.keys(value).length &&
    !names.includes('__proto__')
  );
}

/** A strict object of `fields`, copied in their order; keys present as `undefined` stay. */
function strictObject(fields: Record<string, Copy>, required: readonly string[]): Copy {
  return (value) => {
    if (!isPlainObject(value)) return null;
    for (const key of Object.keys(value)) if (!Object.hasOwn(fields, key)) return null;
    const copy: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(fields)) {
      if (!Object.hasOwn(value, key)) {
        if (required.includes(key)) return null;
        continue;
      }
      const field = value[key];
      if (field === undefined && !required.includes(key)) {
        copy[key] = undefined;
        continue;
      }
      const checked = check(field);
      if (!checked) return null;
      copy[key] = checked.value;
    }
    return { ok: true, value: copy };
  };
}

const env: Copy = (value) =>
  isPlainObject(value) && Object.values(value).every(isString)
    ? { ok: true, value: { ...value } }
    : null;

const args: Copy = (value) => {
  if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) return null;
  for (let index = 0; index < value.length; index++) if (!isString(value[index])) return null;
  return { ok: true, value: value.slice() };
};

const oneOf = (...values: string[]): Copy => same((value) => values.includes(value as string));

const worktree = strictObject(
  {
    kind: oneOf('worktree'),
    base: nonEmpty,
    root: nonEmpty,
    keep: same((value) => typeof value === 'boolean'),
  },
  ['kind'],
);

const checks: Record<(typeof TASK_FIELDS)[number], Copy> = {
  id: same((value) => processIdProblem(value) === null),
  agent: same((value) => isString(value) && /^[a-z][a-z0-9-]*$/.test(value)),
  prompt: same(isString),
  model: nonEmpty,
  cwd: nonEmpty,
  env,
  args,
  command: nonEmpty,
  promptVia: oneOf('argument', 'stdin', 'none'),
  timeoutMs: milliseconds,
  idleTimeoutMs: positive,
  memoryLimitBytes: positive,
  maxProcesses: positive,
  killGraceMs: milliseconds,
  retry: strictObject(
    {
      attempts: same(
        (value) =>
          Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= 1000,
      ),
      minDelayMs: milliseconds,
      maxDelayMs: milliseconds,
    },
    ['attempts'],
  ),
  label: same(isString),
  // JSON data: zod checks it.
  outputSchema: () => null,
  workspace: (value) => (isString(value) ? oneOf('shared', 'worktree')(value) : worktree(value)),
  budget: () => null,
};

const spec = strictObject(checks, ['id', 'agent', 'prompt']);

/** The copy zod would make of `value` when it is plainly a valid spec; else null. */
export function plainTaskSpec(value: unknown): TaskSpec | null {
  const checked = spec(value);
  return checked ? (checked.value as TaskSpec) : null;
}
