import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { tempDir } from '../../helpers/fixtures.js';
import { runCli } from '../helpers/run-cli.js';

// Usage errors are found before anything starts: no session folder, exit 2,
// a message naming the flag or value and what is accepted, then the usage line.
const dir = tempDir('orchestrate-cli-usage-');
afterAll(() => dir.cleanup());
const logDir = join(dir.path, 'logs');

async function usageError(args: string[], message: string | RegExp, input?: string) {
  const result = await runCli([...args, '--log-dir', logDir], { input });
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(
    typeof message === 'string'
      ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      : message,
  );
  expect(result.stderr).toMatch(
    /Usage: orchestrate \w+ \[options\] \[prompts\.\.\.\] \[-- claude args\.\.\.\]/,
  );
  return result;
}

describe('run command usage errors', () => {
  test('no prompts says where prompts can come from', async () => {
    await usageError(['parallel'], 'no prompts: give them as arguments, with --prompts-file FILE');
  });

  test('an unknown flag is named', async () => {
    await usageError(['parallel', '--frobnicate', 'x'], "unknown option '--frobnicate'");
  });

  test('a bad --timeout names the flag, the value and what is accepted', async () => {
    await usageError(
      ['parallel', '--timeout', 'soon', 'x'],
      '--timeout: expected a duration such as 90s, 5m, 1h30m, 250ms',
    );
  });

  test('-j must be a whole number of at least 1', async () => {
    await usageError(
      ['parallel', '-j', '0', 'x'],
      '-j/--max-workers: expected a whole number of at least 1, got "0"',
    );
  });

  test('-j does not apply to sequential, and the message says why', async () => {
    await usageError(
      ['sequential', '-j', '2', 'x'],
      '-j/--max-workers does not apply: sequential runs one process at a time',
    );
  });

  test('--retries does not apply to fallback, and the message says what to do instead', async () => {
    await usageError(
      ['fallback', '--retries', '2', 'x'],
      '--retries does not apply: fallback moves on to the next attempt instead',
    );
  });

  test('several --model flags are only for fallback', async () => {
    await usageError(
      ['parallel', '--model', 'a', '--model', 'b', 'x'],
      '--model was given 2 times; only fallback takes one attempt per --model',
    );
  });

  test('fallback refuses several prompts with several models', async () => {
    await usageError(
      ['fallback', '--model', 'a', '--model', 'b', 'x', 'y'],
      'fallback takes one prompt with one attempt per --model, or several prompts',
    );
  });

  test('--batch-size is checked', async () => {
    await usageError(
      ['batch', '--batch-size', 'two', 'x'],
      '--batch-size: expected a whole number of at least 1, got "two"',
    );
  });

  test('--cwd must exist', async () => {
    await usageError(
      ['parallel', '--cwd', join(dir.path, 'nowhere'), 'x'],
      '--cwd: expected an existing directory',
    );
  });

  test('--claude-bin must be an executable', async () => {
    await usageError(
      ['parallel', '--claude-bin', join(dir.path, 'no-such-claude'), 'x'],
      '--claude-bin: expected an executable file',
    );
  });

  test('--mock-script must exist', async () => {
    await usageError(
      ['parallel', '--mock-script', join(dir.path, 'no-script.json'), 'x'],
      '--mock-script: expected an existing file',
    );
  });

  test('a missing --prompts-file is named', async () => {
    await usageError(
      ['parallel', '--prompts-file', join(dir.path, 'none.txt')],
      '--prompts-file: no such file',
    );
  });

  test('a JSON-lines task with an unknown field names the file, the line and the accepted fields', async () => {
    const file = join(dir.path, 'tasks.jsonl');
    writeFileSync(file, '{"prompt": "a"}\n{"prompt": "b", "modle": "x"}\n');
    await usageError(
      ['batch', '--prompts-file', file],
      `${file}:2: unknown field "modle"; accepted: prompt, id, agent, command, model, cwd, timeout, label`,
    );
  });

  test('duplicate task ids are refused', async () => {
    const file = join(dir.path, 'dupes.jsonl');
    writeFileSync(file, '{"prompt": "a", "id": "x"}\n{"prompt": "b", "id": "x"}\n');
    await usageError(
      ['parallel', '--prompts-file', file],
      `${file}:2: id "x" is already used by ${file}:1`,
    );
  });

  test('a task id that cannot name a log file is refused', async () => {
    const file = join(dir.path, 'slash.jsonl');
    writeFileSync(file, '{"prompt": "a", "id": "a/b"}\n');
    await usageError(
      ['parallel', '--prompts-file', file],
      /id "a\/b" names the log file, so it must not contain a path separator/,
    );
  });

  test("a task's cwd must exist", async () => {
    mkdirSync(join(dir.path, 'work'), { recursive: true });
    const file = join(dir.path, 'cwd.jsonl');
    writeFileSync(file, '{"prompt": "a", "cwd": "missing"}\n');
    await usageError(
      ['parallel', '--cwd', join(dir.path, 'work'), '--prompts-file', file],
      /"cwd" is not an existing directory: .*work\/missing/,
    );
  });

  test('stdin with - that holds no prompts is a usage error', async () => {
    await usageError(['parallel', '-'], 'no prompts', '\n\n');
  });

  test('nothing is written when the command line is wrong', async () => {
    await runCli(['parallel', '--timeout', 'x', 'y', '--log-dir', logDir]);
    expect(existsSync(logDir)).toBe(false);
  });
});
