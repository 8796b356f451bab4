import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIRROR_LIMIT_BYTES } from '../../../src/process/output/console-mirror.js';
import { fixtureProcess, tempDir } from '../../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('the console mirror', () => {
  it('drops and counts lines for a console that does not read, instead of growing memory', async () => {
    // Nobody reads this stream: everything written waits in its buffer.
    const stuck = new PassThrough({ highWaterMark: 1024 });
    const logs: string[] = [];
    const process = fixtureProcess(dir.path, 'flood-stdout', {
      streamOutput: true,
      console: stuck,
      env: { FLOOD_BYTES: String(8 * 1024 * 1024) },
    });
    process.on('log', (_level, message) => logs.push(message));
    const result = await process.run();
    expect(result.status).toBe('succeeded');
    // Mirrored lines are ~80 bytes: the buffer stops one line past the limit.
    expect(stuck.writableLength).toBeLessThan(MIRROR_LIMIT_BYTES + 1024);
    const warning = logs.find((m) => m.startsWith('Dropped '));
    expect(warning).toMatch(
      /^Dropped \d+ line\(s\) of mirrored output: the console read slower than the agent wrote \(the log has every line\)$/,
    );
    const dropped = Number(/^Dropped (\d+)/.exec(warning!)![1]);
    const lines = (8 * 1024 * 1024) / 64;
    expect(dropped).toBeGreaterThan(lines / 2);
    expect(dropped).toBeLessThan(lines);
  });
});
