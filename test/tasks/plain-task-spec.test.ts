import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainTaskSpec } from '../../src/tasks/plain-task-spec.js';
import { TASK_FIELDS } from '../../src/tasks/task-spec.js';
import { taskSpecSchemas } from '../../src/tasks/task-spec-schema.js';

const { taskSpecSchema } = taskSpecSchemas();

/** Values near each field's edges: right and wrong types, empty, negative, huge, undefined. */
const anyValue = fc.oneof(
  fc.constantFrom(undefined, null, '', 'x', 'review-1', 'a/b', '..', 0, -0, 1, -1, 1.5, 1000, 1001),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 53, Number.NaN, Infinity, true, false),
  fc.constantFrom('claude', 'command', 'Bad', 'argument', 'stdin', 'none', 'shared', 'worktree'),
  fc.string(),
  fc.integer(),
  fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
);
/** Mostly a value the field accepts, now and then anything. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: anyValue, weight: 1 });
const ms = fc.oneof(fc.nat(), fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER));
const positive = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
const text = fc.string({ minLength: 1 });
const retry = fc.record(
  {
    attempts: mostly(fc.integer({ min: 1, max: 1000 })),
    minDelayMs: mostly(ms),
    maxDelayMs: mostly(ms),
  },
  { requiredKeys: ['attempts'] },
);
const workspace = fc.oneof(
  fc.constantFrom('shared', 'worktree'),
  fc.record(
    {
      kind: mostly(fc.constant('worktree')),
      base: mostly(text),
      root: mostly(text),
      keep: mostly(fc.boolean()),
    },
    { requiredKeys: ['kind'] },
  ),
);
/** Spec-like objects: each field absent, valid or (now and then) wrong, and rarely an unknown one. */
const specLike = fc
  .record(
    {
      id: mostly(fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,20}$/)),
      agent: mostly(fc.constantFrom('claude', 'command', 'my-agent')),
      prompt: mostly(fc.string()),
      model: mostly(text),
      cwd: mostly(text),
      env: mostly(fc.dictionary(fc.string({ maxLength: 4 }), fc.string(), { maxKeys: 3 })),
      args: mostly(fc.array(fc.string(), { maxLength: 3 })),
      command: mostly(text),
      promptVia: mostly(fc.constantFrom('argument', 'stdin', 'none')),
      timeoutMs: mostly(ms),
      idleTimeoutMs: mostly(positive),
      memoryLimitBytes: mostly(positive),
      maxProcesses: mostly(positive),
      killGraceMs: mostly(ms),
      retry: mostly(retry),
      label: mostly(fc.string()),
      outputSchema: fc.constant(undefined),
      workspace: mostly(workspace),
      budget: fc.constant(undefined),
    },
    { requiredKeys: [] },
  )
  .chain((spec) =>
    fc.oneof(
      { arbitrary: fc.constant(spec), weight: 12 },
      { arbitrary: anyValue.map((timeout) => ({ ...spec, timeout })), weight: 1 },
    ),
  );

describe('the plain check of a spec', () => {
  it('never accepts what the zod schema rejects, and copies it exactly as zod does', () => {
    fc.assert(
      fc.property(specLike, (value) => {
        const plain = plainTaskSpec(value);
        if (plain === null) return;
        const parsed = taskSpecSchema.safeParse(value);
        expect(parsed.success).toBe(true);
        expect(plain).toStrictEqual(parsed.data);
        expect(Object.keys(plain)).toEqual(Object.keys(parsed.data!));
        expect(plain).not.toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the specs the CLI builds from its flags without zod', () => {
    const spec = {
      id: 'task-1',
      agent: 'command',
      prompt: 'Summarise the README',
      cwd: '/tmp',
      command: '/bin/echo',
      args: ['--fast'],
      promptVia: 'argument',
      timeoutMs: 90_000,
      idleTimeoutMs: 300_000,
      memoryLimitBytes: 2 ** 31,
      maxProcesses: 64,
      killGraceMs: 5000,
      retry: { attempts: 3 },
      env: { DEBUG: '1' },
      label: 'readme',
      workspace: { kind: 'worktree', base: 'main', keep: true },
    };
    expect(plainTaskSpec(spec)).toStrictEqual(taskSpecSchema.parse(spec));
  });

  it('leaves JSON fields and unusual objects to zod', () => {
    const base = { id: 'a', agent: 'claude', prompt: 'x' };
    expect(plainTaskSpec({ ...base, outputSchema: { type: 'object' } })).toBeNull();
    expect(plainTaskSpec({ ...base, budget: { usd: 1 } })).toBeNull();
    expect(plainTaskSpec(Object.assign(Object.create({ model: 'm' }), base))).toBeNull();
    expect(plainTaskSpec({ ...base, env: JSON.parse('{"__proto__": "x"}') })).toBeNull();
  });

  it('lists the fields in the order of the schema', () => {
    expect(TASK_FIELDS).toEqual(Object.keys(taskSpecSchema.shape));
  });
});
