import { describe, expect, it } from 'vitest';
import { formatEvent } from '../../src/events/format-event.js';
import type { OrchestrateEvent } from '../../src/events/types.js';

const base = {
  at: new Date(2025, 0, 1, 9, 5, 7).toISOString(),
  seq: 1,
  sessionId: 'review_20250101_090507',
};

describe('formatting records as session.log lines', () => {
  it('renders each kind in the original line format', () => {
    const records: OrchestrateEvent[] = [
      {
        ...base,
        kind: 'session-start',
        patternName: 'review',
        workingDir: '/w',
        sessionDir: '/w/s',
        model: null,
        orchestrateVersion: '0.1.0',
        pid: 1,
      },
      {
        ...base,
        kind: 'process-start',
        processId: 'process-001',
        attempt: 2,
        pid: 42,
        command: 'claude',
        args: [],
        promptChars: 3,
        logFile: '/l',
      },
      {
        ...base,
        kind: 'retry',
        processId: 'process-001',
        attempt: 2,
        delayMs: 1500,
        reason: 'API error 529 (overloaded)',
        previousStatus: 'failed',
        previousApiErrorStatus: 529,
      },
      { ...base, kind: 'log', level: 'ERROR', source: 'process-001', message: 'broke' },
      {
        ...base,
        kind: 'session-end',
        status: 'failed',
        durationMs: 2000,
        processes: 2,
        succeeded: 1,
        costUsd: 0.5,
      },
    ];
    expect(records.map(formatEvent)).toEqual([
      '[09:05:07] [INFO] [session] Session review_20250101_090507 started (pattern review) in /w; logs in /w/s',
      '[09:05:07] [INFO] [process-001] Started pid 42 (attempt 2)',
      '[09:05:07] [WARNING] [process-001] Retrying (attempt 2) in 1.5 s: API error 529 (overloaded)',
      '[09:05:07] [ERROR] [process-001] broke',
      '[09:05:07] [WARNING] [session] Session failed after 2 s: 1 of 2 processes succeeded, total cost $0.5000',
    ]);
  });

  it('does not print live activity records', () => {
    const activity: OrchestrateEvent = {
      ...base,
      kind: 'process-activity',
      processId: 'p',
      attempt: 1,
      turns: 1,
      inputTokens: 1,
      outputTokens: 1,
      cacheReadInputTokens: 0,
      cacheCreationInputTokens: 0,
      activity: 'x',
    };
    expect(formatEvent(activity)).toBeNull();
  });
});
