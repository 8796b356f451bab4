/**
 * The mock model is faithful: the real claude, driven directly (not through
 * orchestrate), reacts to it as to the API. These tests check the mock; every
 * other test reaches claude through orchestrate.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { runClaude, withMockClaude, type MockClaude } from '../../helpers/mock-claude.js';

let mock: MockClaude | undefined;
afterEach(async () => {
  await mock?.cleanup();
  mock = undefined;
});

describe('tool use through the mock model', () => {
  test('a Write tool use makes claude write the file, and the next turn is the result', async () => {
    mock = await withMockClaude({
      rules: [
        {
          match: 'write the file',
          turns: [
            {
              text: 'Writing it.',
              toolUse: { name: 'Write', input: { file_path: 'out.txt', content: 'hello\n' } },
            },
            { text: 'Wrote it.' },
          ],
        },
      ],
    });
    const run = await runClaude(mock, 'please write the file', ['--allowedTools', 'Write']);
    expect(run.exitCode).toBe(0);
    expect(await readFile(join(mock.cwd, 'out.txt'), 'utf8')).toBe('hello\n');
    expect(run.result).toMatchObject({ is_error: false, num_turns: 2, result: 'Wrote it.' });
    expect(mock.model.requests.map((r) => [r.turn, r.turnIndex, r.answer])).toEqual([
      [0, 0, 'toolUse'],
      [1, 1, 'text'],
    ]);
    const toolResult = run.events.find((event) => event.type === 'user');
    expect(JSON.stringify(toolResult)).toContain('tool_result');
  });

  test('placeholders are filled in tool input too', async () => {
    mock = await withMockClaude({
      rules: [
        {
          turns: [
            {
              toolUse: {
                name: 'Write',
                input: { file_path: 'prompt.txt', content: '{{prompt}} at turn {{turn}}' },
              },
            },
            { text: 'done' },
          ],
        },
      ],
    });
    const run = await runClaude(mock, 'remember this', ['--permission-mode', 'acceptEdits']);
    expect(run.result?.['result']).toBe('done');
    expect(await readFile(join(mock.cwd, 'prompt.txt'), 'utf8')).toBe('remember this at turn 0');
  });
});
