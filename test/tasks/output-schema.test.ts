/**
 * A spec's `outputSchema`: the real claude holds the answer to it through
 * `--json-schema` (the mock model calls claude's StructuredOutput tool); an
 * agent without structured output is asked for the JSON in its prompt.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logging/logger.js';
import { runTask } from '../../src/tasks/run-task.js';
import { fixture, tempDir } from '../helpers/fixtures.js';
import { withMockClaude, type MockClaude } from '../helpers/mock-claude.js';

const schema = {
  type: 'object',
  properties: { vote: { type: 'string', enum: ['yes', 'no'] }, reasons: { type: 'string' } },
  required: ['vote', 'reasons'],
};

let mock: MockClaude | null = null;
afterEach(async () => {
  await mock?.cleanup();
  mock = null;
});

async function claudeTask(script: Parameters<typeof withMockClaude>[0]) {
  mock = await withMockClaude(script, { maxRetries: 0 });
  const result = await runTask(
    {
      id: 'vote',
      agent: 'claude',
      prompt: 'Ship on Friday?',
      command: mock.claudeBin,
      cwd: mock.cwd,
      env: mock.env as Record<string, string>,
      outputSchema: schema,
    },
    { logDir: join(mock.cwd, 'logs'), logger: silentLogger },
  );
  return { result, requests: mock.model.requests };
}

describe('a task with an outputSchema', () => {
  it('gives claude the schema with --json-schema and returns the object it reported', async () => {
    const { result, requests } = await claudeTask({
      rules: [{ match: 'Friday', turns: [{ text: '{"vote": "no", "reasons": "no deploys"}' }] }],
    });
    expect(result.status).toBe('succeeded');
    expect(result.structuredOutput).toEqual({ vote: 'no', reasons: 'no deploys' });
    // One model turn: the StructuredOutput call ends claude's run.
    expect(requests.filter((r) => r.prompt?.includes('Friday')).map((r) => r.answer)).toEqual([
      'toolUse',
    ]);
  });

  it('answers with a sample of the schema when the mock model has no script for it', async () => {
    const { result } = await claudeTask({});
    expect(result.status).toBe('succeeded');
    expect(result.structuredOutput).toEqual({ vote: 'yes', reasons: 'mock' });
  });

  it('asks an agent without structured output for the JSON in its prompt', async () => {
    const dir = tempDir();
    try {
      const result = await runTask(
        {
          id: 'argv',
          agent: 'command',
          command: fixture('print-argv'),
          prompt: 'Ship on Friday?',
          cwd: dir.path,
          outputSchema: schema,
        },
        { logDir: join(dir.path, 'logs'), logger: silentLogger },
      );
      const [prompt] = JSON.parse(result.output) as string[];
      expect(prompt).toBe(
        `Ship on Friday?\n\nReply with only one JSON object, no other text, that follows this JSON schema:\n${JSON.stringify(schema)}`,
      );
      expect(result.structuredOutput).toBeUndefined();
    } finally {
      dir.cleanup();
    }
  });
});
