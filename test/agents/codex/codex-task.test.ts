import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mockAgentsEnv } from '../../../src/mock-model/agents-env.js';
import { startMockModel, type MockModel } from '../../../src/mock-model/index.js';
import { runTask } from '../../../src/tasks/run-task.js';
import { installedBin } from '../../helpers/mock-agents.js';
import { tempDir } from '../../helpers/fixtures.js';

// A codex TaskSpec through the registry and the local executor, against the mock model.
let model: MockModel;
let dir: { path: string; cleanup(): void };
let env: Record<string, string>;

beforeAll(async () => {
  model = await startMockModel({
    script: {
      rules: [
        {
          match: 'busy at first',
          turns: [
            {
              error: {
                status: 429,
                type: 'usage_limit_reached',
                message: "You've hit your usage limit.",
              },
              times: 1,
            },
          ],
        },
      ],
    },
  });
  dir = tempDir('orchestrate-codex-task-');
  env = mockAgentsEnv(model.url, dir.path);
});

afterAll(async () => {
  await model.close();
  dir.cleanup();
});

describe('a codex task', () => {
  it('runs as plain data by its agent name, and a usage limit is retried as a rate limit', async () => {
    const spec = {
      id: 'codex-task',
      agent: 'codex',
      prompt: 'busy at first',
      command: installedBin('codex'),
      cwd: dir.path,
      env,
      retry: { attempts: 2, minDelayMs: 0, maxDelayMs: 0 },
    };
    const result = await runTask(JSON.parse(JSON.stringify(spec)), {
      logDir: join(dir.path, 'logs'),
    });
    expect(result.tries).toBe(2);
    expect(result.status).toBe('succeeded');
    expect(result.output).toBe('Mock reply: busy at first');
    expect(model.requests.filter((r) => r.path === '/v1/responses').map((r) => r.status)).toEqual([
      429, 200,
    ]);
  });
});
