import { readFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collector, fixtureProcess, tempDir } from '../helpers/fixtures.js';

// Output that stresses the pump: one enormous line, and both streams flooding at once.
let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('output faults', () => {
  it('50 MB on one line with no newline reaches the log whole while memory keeps the cap', async () => {
    const bytes = 50 * 1024 * 1024;
    const result = await fixtureProcess(dir.path, 'print-long-line', {
      env: { LINE_BYTES: String(bytes) },
    }).run();
    expect(result.status).toBe('succeeded');
    expect(result.outputTruncated).toBe(true);
    expect(result.output.length).toBeLessThanOrEqual(16 * 1024 * 1024);
    // The log holds every byte, plus its header and footer.
    expect(statSync(result.logFile).size).toBeGreaterThan(bytes);
  });

  it('interleaved floods on stdout and stderr lose no line of either', async () => {
    const lines = 20_000;
    const console = collector();
    const result = await fixtureProcess(dir.path, 'flood-both-streams', {
      env: { FLOOD_LINES: String(lines) },
      streamOutput: true,
      console: console.stream,
    }).run();
    expect(result.status).toBe('succeeded');
    const out = result.output.trimEnd().split('\n');
    const err = result.stderr.trimEnd().split('\n');
    expect(out).toHaveLength(lines);
    expect(err).toHaveLength(lines);
    expect(out.at(-1)).toBe(`out ${lines}`);
    expect(err.at(-1)).toBe(`err ${lines}`);
    const log = readFileSync(result.logFile, 'utf8');
    expect(log).toContain(`out ${lines}\n`);
    expect(log).toContain(`err ${lines}\n`);
  });
});
