import { describe, expect, it } from 'vitest';
import { codexErrorStatus, codexVerdict } from '../../src/agents/codex/verdict.js';
import { geminiVerdict, statusFromExitCode } from '../../src/agents/gemini/verdict.js';

describe('the codex and gemini verdicts', () => {
  it("codex's error words give the HTTP status, a usage limit counting as 429", () => {
    expect(codexErrorStatus('unexpected status 401 Unauthorized: bad key')).toBe(401);
    expect(codexErrorStatus('exceeded retry limit, last status: 429 Too Many Requests')).toBe(429);
    expect(codexErrorStatus('You’ve hit your usage limit. Try again at 3:05 PM.')).toBe(429);
    expect(codexErrorStatus('We’re currently experiencing high demand')).toBe(500);
    expect(codexErrorStatus('something else')).toBeNull();
  });

  it('a codex run that exits 0 without a completed turn is a failure', () => {
    expect(codexVerdict({ failure: null, completedTurns: 0 }, 0)).toMatchObject({
      status: 'failed',
    });
    expect(codexVerdict({ failure: null, completedTurns: 1 }, 0)).toMatchObject({
      status: 'succeeded',
    });
  });

  it("gemini's exit code is the HTTP status mod 256, read back to one status in 400-599", () => {
    expect([401, 403, 429, 500, 503, 529].map((s) => statusFromExitCode(s % 256))).toEqual([
      401, 403, 429, 500, 503, 529,
    ]);
    expect(statusFromExitCode(1)).toBe(513);
    expect(statusFromExitCode(100)).toBeNull();
  });

  it("gemini's own exit codes are named, never read as an API status", () => {
    expect(geminiVerdict(null, null, 41)).toMatchObject({
      status: 'failed',
      apiErrorStatus: null,
      reason: 'authentication failed',
    });
    expect(geminiVerdict(null, 'too many turns', 53)).toMatchObject({
      reason: 'turn limit reached: too many turns',
    });
    expect(geminiVerdict(null, null, 0)).toMatchObject({ status: 'failed' });
  });
});
