/**
 * Honest records: the real claude against the mock model, working for two
 * turns and then hanging. The run is ended before claude's `result` event, and
 * still reports the tokens it streamed, marked partial, in the result, the
 * process-end record and the session's totals.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrchestrateEvent } from '../../../src/events/types.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { OrchestratorSession } from '../../../src/session/orchestrator-session.js';
import { withMockClaude, type MockClaude } from '../../helpers/mock-claude.js';

let mock: MockClaude | null = null;
afterEach(async () => {
  await mock?.cleanup();
  mock = null;
});

const write = (file: string) => ({
  toolUse: { name: 'Write', input: { file_path: file, content: 'x\n' } },
});

describe('usage of a run that never reports its result', () => {
  it('is summed from the stream, marked partial, priced as an estimate, and counted in the session', async () => {
    mock = await withMockClaude(
      {
        rules: [
          {
            match: 'work then hang',
            turns: [
              { ...write('a.txt'), usage: { input_tokens: 1500, output_tokens: 40 } },
              { ...write('b.txt'), usage: { input_tokens: 2500, output_tokens: 60 } },
              { hang: true },
            ],
          },
        ],
      },
      { maxRetries: 0 },
    );
    const session = new OrchestratorSession({
      patternName: 'partial-usage',
      workingDir: mock.cwd,
      logger: silentLogger,
      model: 'claude-sonnet-4-5',
      processDefaults: {
        command: mock.claudeBin,
        env: mock.env,
        streamOutput: false,
        killGraceMs: 500,
        extraArgs: ['--allowedTools', 'Write'],
      },
    });
    const events: OrchestrateEvent[] = [];
    session.on('event', (event) => events.push(event));
    const process = session.createProcess('work then hang', 'busy');
    // Cancel once both tool results went back: the third request hangs for good.
    let toolResults = 0;
    process.on('agent-event', (event) => {
      if (event.type === 'user' && ++toolResults === 2) process.cancel('enough');
    });
    const result = await process.run();
    const summary = await session.close();

    expect(result.status).toBe('cancelled');
    expect(result.usagePartial).toBe(true);
    expect(result.usage?.inputTokens).toBe(4000);
    expect(result.usage?.outputTokens).toBeGreaterThan(0);
    // Sonnet list prices: $3 per million input tokens, $15 per million output.
    const expected = (4000 * 3 + result.usage!.outputTokens * 15) / 1_000_000;
    expect(result.costUsd).toBeCloseTo(expected, 8);
    const end = events.find((e) => e.kind === 'process-end');
    expect(end).toMatchObject({ usagePartial: true, usage: result.usage });
    expect(summary.totals.usage.inputTokens).toBe(4000);
    expect(summary.totals.costUsd).toBeCloseTo(expected, 8);
    expect(readFileSync(result.logFile, 'utf8')).toMatch(
      /Cost: \$0\.\d{4} \(estimate: ended before the agent's final report\)/,
    );
  });
});
