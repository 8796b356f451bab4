import { describe, expect, it } from 'vitest';
import { EXCERPT_CHARS, processEndDraft } from '../../src/events/process-end.js';
import type { ProcessResult } from '../../src/process/result.js';

describe('process-end records', () => {
  it('carry the result fields, the agent session id renamed, and the output cut to an excerpt', () => {
    const result: ProcessResult = {
      processId: 'p',
      status: 'succeeded',
      exitCode: 0,
      signal: null,
      durationMs: 12,
      output: 'y'.repeat(EXCERPT_CHARS + 10),
      stderr: 'warn',
      outputTruncated: false,
      logFile: '/l/p.log',
      message: 'succeeded in 12 ms',
      sessionId: 'abc',
      costUsd: 0.1,
      usage: {
        inputTokens: 1,
        outputTokens: 2,
        cacheCreationInputTokens: 0,
        cacheReadInputTokens: 0,
      },
      usagePartial: false,
      numTurns: 1,
      model: 'm',
      isError: false,
      agent: 'claude',
      apiErrorStatus: null,
      survivors: [],
      permissionDenials: [],
    };
    const draft = processEndDraft(result, 3);
    expect(draft).toMatchObject({
      kind: 'process-end',
      processId: 'p',
      attempt: 3,
      agentSessionId: 'abc',
      costUsd: 0.1,
      stderrExcerpt: 'warn',
    });
    expect(draft.outputChars).toBe(EXCERPT_CHARS + 10);
    expect(draft.outputExcerpt).toBe(`${'y'.repeat(EXCERPT_CHARS)}...`);
    expect(draft).not.toHaveProperty('output');
  });
});
