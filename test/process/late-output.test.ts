import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announcedPids, fixtureProcess, pidAlive, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

// After the child exits, the run reads its pipes until they close or stay
// quiet for half a second (a process outside the tree may hold them for ever).
describe('output written after the exit', () => {
  it('is kept while it keeps coming, and run() returns once it stops though the pipe stays open', async () => {
    const made = fixtureProcess(dir.path, 'leave-orphan-writing-after-exit');
    let orphan: number | undefined;
    made.on('output', (chunk) => (orphan ??= announcedPids(chunk.toString())[0]));
    try {
      const result = await Promise.race([
        made.run(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('run() still waiting after 30 s')), 30_000).unref(),
        ),
      ]);
      expect(result.status).toBe('succeeded');
      // The orphan writes a line every 50 ms for 2 s after the exit: every one
      // arrives within the half-second bound of the one before.
      const lines = result.output.trimEnd().split('\n');
      expect(lines.slice(1)).toEqual([
        ...Array.from({ length: 40 }, (_, i) => `late ${i + 1}`),
        'orphan done',
      ]);
      // It still holds stdout (for a minute): the run did not wait for the pipe to close.
      expect(pidAlive(orphan!)).toBe(true);
    } finally {
      if (orphan) {
        try {
          process.kill(orphan, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  });

  it('a cancel that comes after the exit was read, while the output still comes, changes nothing', async () => {
    const made = fixtureProcess(dir.path, 'leave-orphan-writing-after-exit', { killGraceMs: 200 });
    let pid = 0;
    let orphan: number | undefined;
    let cancelled = false;
    made.on('start', (info) => (pid = info.pid));
    made.on('output', (chunk) => {
      orphan ??= announcedPids(chunk.toString())[0];
      // Reaped (its /proc entry gone): the exit has been read.
      if (!cancelled && !existsSync(`/proc/${pid}`)) {
        cancelled = true;
        made.cancel('too late');
      }
    });
    try {
      const result = await made.run();
      expect(cancelled).toBe(true);
      expect(result.status).toBe('succeeded');
      expect(result.exitCode).toBe(0);
      expect(result.output).toContain('orphan done');
    } finally {
      if (orphan) {
        try {
          process.kill(orphan, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
  });
});
