/**
 * Validates a TaskSpec once, with the zod schema and the agent registry, and
 * words every problem the same way: the field, the value, what is accepted.
 * A plainly valid spec is checked without zod (plain-task-spec.ts); zod loads
 * for the others, and words their problems.
 */
import type { z } from 'zod';
import { findAgent, agentNames } from '../agents/registry.js';
import { describeValue } from '../process/validate.js';
import { plainTaskSpec } from './plain-task-spec.js';
import { ACCEPTED, TASK_FIELDS, type TaskSpec } from './task-spec.js';
import { taskSpecSchemas } from './task-spec-schema.js';

export class TaskSpecError extends TypeError {
  constructor(
    message: string,
    /** Each problem as one sentence. */
    readonly problems: string[],
  ) {
    super(message);
    this.name = 'TaskSpecError';
  }
}

/** Specs this module returned: checked already, so passing one on costs no second check. */
const checked = new WeakSet<object>();

/** `value` itself when parseTaskSpec made it, else parseTaskSpec(value). */
export function checkedTaskSpec(value: unknown): TaskSpec {
  return typeof value === 'object' && value !== null && checked.has(value)
    ? (value as TaskSpec)
    : parseTaskSpec(value);
}

/** The spec, checked (a copy); throws a TaskSpecError listing every problem. */
export function parseTaskSpec(value: unknown): TaskSpec {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TaskSpecError(`Expected a task spec object, got ${describeValue(value)}`, []);
  }
  const plain = plainTaskSpec(value);
  const parsed = plain
    ? ({ success: true, data: plain } as const)
    : taskSpecSchemas().taskSpecSchema.safeParse(value);
  const problems = parsed.success
    ? agentProblems(parsed.data)
    : parsed.error.issues.flatMap((issue) => describeIssue(issue, value));
  if (problems.length > 0 || !parsed.success) {
    const id = (value as { id?: unknown }).id;
    const which = typeof id === 'string' ? `Task "${id}"` : 'A task spec';
    throw new TaskSpecError(`${which} is invalid: ${problems.join('; ')}`, problems);
  }
  checked.add(parsed.data);
  return parsed.data;
}

function agentProblems(spec: TaskSpec): string[] {
  const agent = findAgent(spec.agent);
  if (!agent) {
    return [
      `\`agent\` is ${describeValue(spec.agent)}; registered agents: ${agentNames().join(', ')}`,
    ];
  }
  if (agent.needsCommand && spec.command === undefined) {
    return [`\`command\` is required for agent "${spec.agent}": the path of the executable to run`];
  }
  return [];
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map(
      (key) =>
        `unknown field \`${pathName([...issue.path, key])}\`; accepted: ${TASK_FIELDS.join(', ')}`,
    );
  }
  const field = pathName(issue.path);
  const value = valueAt(input, issue.path);
  const accepted = ACCEPTED[acceptedKey(issue.path)] ?? issue.message;
  if (value === undefined) return [`\`${field}\` is required: ${accepted}`];
  return [`\`${field}\` must be ${accepted}, got ${describeValue(value)}`];
}

/** The ACCEPTED key for a path: `args[2]` → `args[]`, `env.HOME` → `env.*`. */
function acceptedKey(path: PropertyKey[]): string {
  if (path[0] === 'env' && path.length > 1) return 'env.*';
  return pathName(path).replace(/\[\d+\]/g, '[]');
}

function pathName(path: PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let current = input;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}
