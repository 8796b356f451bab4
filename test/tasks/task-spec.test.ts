import { describe, expect, it } from 'vitest';
import { parseTaskSpec, TaskSpecError } from '../../src/tasks/parse-task-spec.js';
import type { TaskSpec } from '../../src/tasks/task-spec.js';

function problemOf(value: unknown): string {
  try {
    parseTaskSpec(value);
  } catch (error) {
    expect(error).toBeInstanceOf(TaskSpecError);
    return (error as Error).message;
  }
  throw new Error('expected the spec to be rejected');
}

describe('parseTaskSpec', () => {
  it('accepts a full spec and gives back the same data after a JSON round trip', () => {
    const spec: TaskSpec = {
      id: 'review-001',
      agent: 'command',
      prompt: 'Review the diff',
      model: 'some-model',
      cwd: '/tmp',
      env: { DEBUG: '1' },
      args: ['--fast'],
      command: '/bin/echo',
      promptVia: 'stdin',
      timeoutMs: 60_000,
      idleTimeoutMs: 10_000,
      memoryLimitBytes: 1024,
      retry: { attempts: 3, minDelayMs: 10 },
      label: 'review',
      workspace: { kind: 'worktree', base: 'main' },
      budget: { usd: 2 },
    };
    const parsed = parseTaskSpec(JSON.parse(JSON.stringify(spec)));
    expect(parsed).toEqual(spec);
    expect(parsed).not.toBe(spec);
  });

  it('names the field, the value and what is accepted', () => {
    expect(problemOf({ id: 'a', agent: 'claude', prompt: 'x', timeoutMs: -5 })).toBe(
      'Task "a" is invalid: `timeoutMs` must be a non-negative integer (milliseconds), got `-5` (number)',
    );
    expect(problemOf({ id: 'a', agent: 'claude', prompt: 'x', promptVia: 'pipe' })).toContain(
      '`promptVia` must be "argument", "stdin" or "none", got `"pipe"` (string)',
    );
    expect(problemOf({ id: 'a', agent: 'claude', prompt: 'x', env: { A: 1 } })).toContain(
      '`env.A` must be a string, got `1` (number)',
    );
    expect(problemOf({ id: 'a', agent: 'claude', prompt: 'x', args: ['ok', 2] })).toContain(
      '`args[1]` must be a string, got `2` (number)',
    );
    expect(problemOf({ id: 'a', agent: 'claude', prompt: 'x', retry: { attempts: 0 } })).toContain(
      '`retry.attempts` must be a positive integer (total tries, the first included), got `0` (number)',
    );
  });

  it('lists every problem at once, including missing fields', () => {
    const message = problemOf({ id: 'a/b', timeoutMs: 'soon' });
    expect(message).toContain('`id` must be a safe file name');
    expect(message).toContain('got `"a/b"` (string)');
    expect(message).toContain('`agent` is required');
    expect(message).toContain('`prompt` is required: a string');
    expect(message).toContain('`timeoutMs` must be a non-negative integer');
  });

  it('rejects unknown fields, naming the accepted ones', () => {
    expect(problemOf({ id: 'a', agent: 'claude', prompt: 'x', timeout: 5 })).toContain(
      'unknown field `timeout`; accepted: id, agent, prompt, model, cwd',
    );
  });

  it('rejects an agent nobody registered, naming the registered ones', () => {
    expect(problemOf({ id: 'a', agent: 'clod', prompt: 'x' })).toBe(
      'Task "a" is invalid: `agent` is `"clod"` (string); registered agents: claude, codex, gemini, command',
    );
  });

  it('requires `command` for the command agent', () => {
    expect(problemOf({ id: 'a', agent: 'command', prompt: 'x' })).toContain(
      '`command` is required for agent "command"',
    );
  });

  it('rejects what is not an object', () => {
    expect(problemOf('run this')).toBe('Expected a task spec object, got `"run this"` (string)');
  });
});
