import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureProcess, tempDir } from '../../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.cleanup());

describe('a timeout racing a normal exit', () => {
  it('a child that exited before the timer fired is never timed out', async () => {
    // The child exits 0 on its own or dies of our SIGTERM; an exit of its own
    // that is recorded as a timeout would be a finished, paid run marked failed.
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 30, max: 80 }),
        fc.integer({ min: -15, max: 15 }),
        async (timeoutMs, offset) => {
          const result = await fixtureProcess(dir.path, 'exit-after', {
            processId: `race-${++n}`,
            args: [((timeoutMs + offset) / 1000).toFixed(3)],
            timeoutMs,
            killGraceMs: 1000,
          }).run();
          expect(['succeeded', 'timed_out']).toContain(result.status);
          if (result.status === 'timed_out') expect(result.signal).not.toBeNull();
          if (result.signal === null) {
            expect(result.status).toBe('succeeded');
            expect(result.exitCode).toBe(0);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
