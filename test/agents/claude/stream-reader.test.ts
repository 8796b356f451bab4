import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { claudeStreamReader } from '../../../src/agents/claude/stream-reader.js';
import { repoRoot } from '../../helpers/fixtures.js';

/** Feeds lines to a fresh reader the way the lifecycle does, and returns its findings. */
function read(lines: string[], exitCode: number | null) {
  const reader = claudeStreamReader({ event: () => undefined });
  for (const line of lines) reader.line(Buffer.from(line));
  return reader.findings(exitCode);
}

describe("claude's stream reader", () => {
  test('a run that ended before any answer has empty output, never the raw init event', () => {
    const init = JSON.stringify({ type: 'system', subtype: 'init', session_id: 's-1', model: 'm' });
    expect(read([init], null).output).toBe('');
  });

  test("a run that failed on the API keeps the result's text as output", () => {
    // Recorded from the real claude against a 529 from the mock model.
    const lines = readFileSync(join(repoRoot, 'test/mock-model/samples/error-529.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean);
    const findings = read(lines, 1);
    expect(findings.output).not.toContain('"type"');
    expect(findings.apiErrorStatus).toBe(529);
  });

  test('an agent that prints plain text or JSON that is not stream-json keeps it (the lifecycle takes stdout)', () => {
    expect(read(['hello', 'world'], 0).output).toBeUndefined();
    expect(read(['{"bytes": 5}'], 0).output).toBeUndefined();
  });

  test("claude's permission_denials become { tool, target } on the result", () => {
    const result = JSON.stringify({
      type: 'result',
      subtype: 'success',
      is_error: false,
      result: 'Wrote notes.md.',
      permission_denials: [
        {
          tool_name: 'Write',
          tool_use_id: 't1',
          tool_input: { file_path: '/w/notes.md', content: 'x' },
        },
        { tool_name: 'Bash', tool_use_id: 't2', tool_input: { command: 'rm -rf build' } },
        { tool_name: 'TodoWrite', tool_use_id: 't3', tool_input: {} },
      ],
    });
    expect(read([result], 0).permissionDenials).toEqual([
      { tool: 'Write', target: '/w/notes.md' },
      { tool: 'Bash', target: 'rm -rf build' },
      { tool: 'TodoWrite', target: null },
    ]);
  });
});
