import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordFrames } from '../../src/dashboard/record-frames.js';

/** The SSE message's fields, and its data parsed. */
function parse(frame: Buffer) {
  const text = frame.toString('utf8');
  expect(text.endsWith('\n\n')).toBe(true);
  const [id, event, data, ...rest] = text.slice(0, -2).split('\n');
  expect(rest).toEqual([]);
  return { id, event, records: JSON.parse(data!.replace(/^data: /, '')) as unknown[] };
}

const record = fc.record({
  seq: fc.nat(),
  text: fc.string({ unit: 'grapheme', maxLength: 12 }),
});
/** A line of events.jsonl: mostly records, sometimes a crash's leftover or a CRLF ending. */
const line = fc.oneof(
  { weight: 6, arbitrary: record.map((r) => ({ bytes: JSON.stringify(r), value: r as unknown })) },
  { weight: 1, arbitrary: record.map((r) => ({ bytes: `${JSON.stringify(r)}\r`, value: r })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', '{"cut', 'oops', '[1]').map((b) => ({ bytes: b, value: null })),
  },
);

describe("a session's records as SSE messages built from their bytes", () => {
  it('gives every range of records as one message: the lines as a JSON array, a line that is no object as null', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(line, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.nat(),
        (appends, a, b) => {
          const frames = new RecordFrames();
          const all = appends.flat();
          for (const lines of appends) {
            const added = frames.append(Buffer.from(lines.map((l) => `${l.bytes}\n`).join('')));
            expect(added).toBe(lines.length);
          }
          expect(frames.count).toBe(all.length);
          const from = a % all.length;
          const to = from + 1 + (b % (all.length - from));
          expect(parse(frames.frame(from, to))).toEqual({
            id: `id: ${to}`,
            event: 'event: records',
            records: all.slice(from, to).map((l) => l.value),
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps records across appends bigger than its first buffer', () => {
    const frames = new RecordFrames();
    const big = `{"text":"${'x'.repeat(100_000)}"}\n`;
    frames.append(Buffer.from('{"seq":1}\n'));
    frames.append(Buffer.from(big.repeat(3)));
    expect(parse(frames.frame(0, 4)).records).toEqual([
      { seq: 1 },
      ...Array.from({ length: 3 }, () => ({ text: 'x'.repeat(100_000) })),
    ]);
  });
});
