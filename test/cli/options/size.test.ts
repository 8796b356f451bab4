import { describe, expect, test } from 'vitest';
import { parseSize, sizeFlag } from '../../../src/cli/options/size.js';

describe('sizes for --max-memory', () => {
  test('K, M, G and T are powers of 1024, with or without B or iB, and fractions are allowed', () => {
    expect(parseSize('2G')).toBe(2 * 1024 ** 3);
    expect(parseSize('512M')).toBe(512 * 1024 ** 2);
    expect(parseSize('1.5GiB')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('800mb')).toBe(800 * 1024 ** 2);
    expect(parseSize('4096')).toBe(4096);
  });

  test('anything else is refused with a message that names the flag and shows the form', () => {
    expect(parseSize('lots')).toBeNull();
    expect(parseSize('2X')).toBeNull();
    expect(() => sizeFlag('--max-memory', '0G')).toThrow(
      /--max-memory: expected a size such as 2G, 512M/,
    );
  });
});
