import { describe, expect, it } from 'vitest';
import { runParallel } from '../../../src/strategies/run-parallel.js';
import { fixtureProcess, tempDir } from '../../helpers/fixtures.js';

describe('reading stdout into pooled buffers', () => {
  it('processes that reuse the read buffers of earlier ones each keep their own output', async () => {
    const dir = tempDir();
    try {
      // Three waves of eight: later pipes read into buffers the earlier ones gave back.
      const processes = Array.from({ length: 24 }, (_, i) =>
        fixtureProcess(dir.path, 'sleep-then-print', {
          processId: `p${i}`,
          args: [i % 2 === 0 ? '0' : '0.05', `output of ${i}`],
        }),
      );
      const results = await runParallel(processes, { maxWorkers: 8 });
      for (const result of results) {
        expect(result.status).toBe('succeeded');
        expect(result.output).toBe(`output of ${result.index}\n`);
      }
    } finally {
      dir.cleanup();
    }
  });
});
