import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../src/process/output/line-splitter.js';

/** Reference: split on "\n", keep a last line without newline, drop lines over the cap. */
function reference(text: string, cap: number, firstByte: number | null): string[] {
  const parts = text.split('\n');
  if (parts.at(-1) === '') parts.pop();
  return parts.filter(
    (line) =>
      Buffer.byteLength(line) <= cap && (firstByte === null || line.charCodeAt(0) === firstByte),
  );
}

function split(chunks: Buffer[], cap: number, firstByte: number | null) {
  const lines: string[] = [];
  let overlong = 0;
  const splitter = new LineSplitter(
    { line: (l) => lines.push(l.toString('latin1')), overlong: () => overlong++ },
    cap,
    firstByte,
  );
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return { lines, overlong };
}

/** Text from a small alphabet so that newlines and "{" are common. */
const text = fc.string({ unit: fc.constantFrom('a', 'b', '{', '\n', '}'), maxLength: 300 });

function chunked(value: string, cuts: number[]): Buffer[] {
  const buffer = Buffer.from(value, 'latin1');
  const points = [...new Set(cuts.map((c) => c % (buffer.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const point of [...points, buffer.length]) {
    chunks.push(buffer.subarray(start, point));
    start = point;
  }
  return chunks;
}

describe('LineSplitter', () => {
  it('delivers the same lines as a plain split, however the stream is chunked', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer({ min: 1, max: 40 }),
        (value, cuts, cap) => {
          expect(split(chunked(value, cuts), cap, null).lines).toEqual(reference(value, cap, null));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('in filtered mode delivers exactly the lines that start with the byte, however chunked', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.integer({ min: 1, max: 40 }),
        (value, cuts, cap) => {
          expect(split(chunked(value, cuts), cap, 0x7b).lines).toEqual(reference(value, cap, 0x7b));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a line longer than the cap is reported once and never held whole', () => {
    const { lines, overlong } = split(
      [Buffer.from('x'.repeat(50)), Buffer.from('x'.repeat(50) + '\nok\n')],
      10,
      null,
    );
    expect(lines).toEqual(['ok']);
    expect(overlong).toBe(1);
  });
});
