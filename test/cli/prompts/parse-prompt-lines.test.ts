import { describe, expect, test } from 'vitest';
import { parsePromptLines } from '../../../src/cli/prompts/parse-prompt-lines.js';

describe('parsePromptLines', () => {
  test('plain text gives one prompt per non-blank line, named by file and line', () => {
    expect(parsePromptLines('first\n\n  second  \r\n', 'p.txt')).toEqual([
      { prompt: 'first', source: 'p.txt:1' },
      { prompt: '  second  ', source: 'p.txt:3' },
    ]);
  });

  test('JSON lines carry the per-task fields', () => {
    const text =
      '{"prompt": "a", "id": "one", "model": "sonnet", "cwd": "sub", "timeout": "90s"}\n{"prompt": "b", "timeout": 2}\n';
    expect(parsePromptLines(text, 't.jsonl')).toEqual([
      {
        prompt: 'a',
        id: 'one',
        model: 'sonnet',
        cwd: 'sub',
        timeoutMs: 90_000,
        source: 't.jsonl:1',
      },
      { prompt: 'b', timeoutMs: 2000, source: 't.jsonl:2' },
    ]);
  });

  test('an unknown field is refused with the accepted ones listed', () => {
    expect(() => parsePromptLines('{"promt": "a"}', 't.jsonl')).toThrow(
      't.jsonl:1: unknown field "promt"; accepted: prompt, id, agent, command, model, cwd, timeout, label',
    );
  });

  test('a line that is not JSON in a JSON-lines file names its line', () => {
    expect(() => parsePromptLines('{"prompt": "a"}\nplain text', 't.jsonl')).toThrow(
      /t\.jsonl:2: not valid JSON/,
    );
  });

  test('a JSON line without a prompt is refused', () => {
    expect(() => parsePromptLines('{"id": "x"}', 't.jsonl')).toThrow('t.jsonl:1: missing "prompt"');
  });

  test('a bad timeout names the task and the field', () => {
    expect(() => parsePromptLines('{"prompt": "a", "timeout": "soon"}', 't.jsonl')).toThrow(
      /t\.jsonl:1: "timeout": expected a duration/,
    );
  });

  test('blank text gives no prompts', () => {
    expect(parsePromptLines('\n \n', 'stdin')).toEqual([]);
  });
});
