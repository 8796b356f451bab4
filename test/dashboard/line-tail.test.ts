import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LineTail } from '../../src/dashboard/line-tail.js';
import { tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

describe('following a growing file line by line', () => {
  it('returns each whole line once, however the writes split lines and characters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 20 }), { maxLength: 12 }),
        fc.array(fc.nat(60), { maxLength: 8 }),
        async (lines, cuts) => {
          const path = join(dir.path, 'f.jsonl');
          writeFileSync(path, '');
          const bytes = Buffer.from(lines.map((l) => `${l.replace(/[\r\n]/g, ' ')}\n`).join(''));
          const tail = new LineTail(path);
          const seen: string[] = [];
          let at = 0;
          for (const cut of [...cuts.sort((a, b) => a - b), bytes.length]) {
            const end = Math.min(Math.max(cut, at), bytes.length);
            appendFileSync(path, bytes.subarray(at, end));
            at = end;
            seen.push(...tail.read());
          }
          expect(seen).toEqual(lines.map((l) => l.replace(/[\r\n]/g, ' ')));
          expect(tail.offset).toBe(bytes.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('waits for the newline of a half-written last line', async () => {
    const path = join(dir.path, 'events.jsonl');
    writeFileSync(path, '{"a":1}\n{"b":');
    const tail = new LineTail(path);
    expect(tail.read()).toEqual(['{"a":1}']);
    expect(tail.read()).toEqual([]);
    appendFileSync(path, '2}\n');
    expect(tail.read()).toEqual(['{"b":2}']);
  });

  it('reads nothing from a file that does not exist yet', async () => {
    expect(new LineTail(join(dir.path, 'none')).read()).toEqual([]);
  });
});

describe("a tail's undecoded reads", () => {
  it('returns the bytes of the whole lines only, across reads longer than its buffer', () => {
    const path = join(dir.path, 'big.jsonl');
    const long = `{"text":"${'é'.repeat(70_000)}"}`;
    writeFileSync(path, `{"a":1}\n${long}\n{"b":`);
    const tail = new LineTail(path);
    expect(tail.readBytes()?.toString()).toBe(`{"a":1}\n${long}\n`);
    expect(tail.readBytes()).toBeNull();
    appendFileSync(path, '2}\n');
    expect(tail.readBytes()?.toString()).toBe('{"b":2}\n');
    expect(tail.offset).toBe(Buffer.byteLength(`{"a":1}\n${long}\n{"b":2}\n`));
  });
});
