import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatDuration } from '../../src/process/format.js';

/** Milliseconds a formatted duration stands for. */
function readBack(text: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, min: 60_000, h: 3_600_000 };
  let total = 0;
  for (const [, n, unit] of text.matchAll(/([\d.]+) (ms|s|min|h)/g))
    total += Number(n) * units[unit!]!;
  return total;
}

describe('formatDuration', () => {
  test.each([
    [0, '0 ms'],
    [999.4, '999 ms'],
    [999.6, '1 s'],
    [8000, '8 s'],
    [59_960, '1 min'],
    [119_600, '2 min'],
    [125_000, '2 min 5 s'],
    [3_599_600, '1 h'],
    [5_400_000, '1 h 30 min'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  test('every duration has well-formed parts, none at its next unit, and reads back close to itself', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 30 * 86_400_000, noNaN: true }), (ms) => {
        const text = formatDuration(ms);
        const match =
          /^(?:(\d+) ms|(\d+(?:\.\d)?) s|(\d+) min(?: (\d+) s)?|(\d+) h(?: (\d+) min)?)$/.exec(
            text,
          );
        expect(match, text).not.toBeNull();
        const [, msPart, sPart, , minSeconds, , hMinutes] = match!;
        if (msPart !== undefined) expect(Number(msPart)).toBeLessThan(1000);
        if (sPart !== undefined) expect(Number(sPart)).toBeLessThan(60);
        if (minSeconds !== undefined) expect(Number(minSeconds)).toBeLessThan(60);
        if (hMinutes !== undefined) expect(Number(hMinutes)).toBeLessThan(60);
        // Off by at most half the smallest unit shown.
        const unit = text.endsWith(' ms') ? 1 : ms < 60_000 ? 100 : ms < 3_600_000 ? 1000 : 60_000;
        expect(Math.abs(readBack(text) - ms)).toBeLessThanOrEqual(unit / 2 + 1e-6);
      }),
      { numRuns: 2000 },
    );
  });
});
