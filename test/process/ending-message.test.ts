import { describe, expect, it } from 'vitest';
import { endingMessage } from '../../src/process/ending-message.js';

const how = 'ending the process tree (SIGTERM, SIGKILL after 2.5 s)';

describe('the warning logged before a tree is ended', () => {
  it.each([
    [{ kind: 'timeout', timeoutMs: 90_000 } as const, `Timed out after 1 min 30 s; ${how}`],
    [{ kind: 'idle', idleMs: 300 } as const, `Went silent: no output for 300 ms; ${how}`],
    [{ kind: 'cancel', reason: 'Ctrl-C' } as const, `Cancelled (Ctrl-C); ${how}`],
    [{ kind: 'cancel' } as const, `Cancelled; ${how}`],
    [{ kind: 'cancel', reason: '' } as const, `Cancelled; ${how}`],
    [
      { kind: 'error', message: "a 'start' listener threw: boom" } as const,
      `a 'start' listener threw: boom; ${how}`,
    ],
    [{ kind: 'terminate' } as const, `Terminate requested; ${how}`],
  ])('%o says why and how', (reason, message) => {
    expect(endingMessage(reason, 2500)).toBe(message);
  });
});
