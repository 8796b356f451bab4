import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { costFromPrices, loadPriceTable, parsePriceTable } from '../../src/process/price-table.js';
import { tempDir } from '../helpers/fixtures.js';

const usage = {
  inputTokens: 1_000_000,
  outputTokens: 100_000,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 2_000_000,
};

describe('the price table', () => {
  it('prices input, cached input and output tokens per million', () => {
    const table = parsePriceTable({ m: { input: 2, output: 10, cachedInput: 0.5 } });
    expect(costFromPrices(usage, 'm', table)).toBeCloseTo(2 + 1 + 1, 10);
  });

  it('cached input costs the input price when the table gives no cachedInput', () => {
    expect(costFromPrices(usage, 'm', { m: { input: 1, output: 0 } })).toBeCloseTo(3, 10);
  });

  it('an unknown model, no model or no usage stays unpriced (null), never guessed', () => {
    const table = { m: { input: 1, output: 1 } };
    expect(costFromPrices(usage, 'other', table)).toBeNull();
    expect(costFromPrices(usage, null, table)).toBeNull();
    expect(costFromPrices(null, 'm', table)).toBeNull();
    expect(costFromPrices(usage, 'toString', table)).toBeNull();
  });

  it('a bad entry is rejected naming the field, the value and what is accepted', () => {
    expect(() => parsePriceTable({ m: { input: -1, output: 1 } })).toThrow(
      /`m\.input` is `-1` \(number\).*expected an object of models/,
    );
    expect(() => parsePriceTable({ m: { input: 1 } })).toThrow(/`m\.output` is `undefined`/);
    expect(() => parsePriceTable({ m: { input: 1, output: 1, extra: 2 } })).toThrow(/extra/);
    expect(() => parsePriceTable([])).toThrow(/`\(root\)`/);
  });

  it('loadPriceTable reads a file and says which file is wrong', async () => {
    const dir = tempDir();
    try {
      const good = join(dir.path, 'prices.json');
      writeFileSync(good, JSON.stringify({ 'gpt-5.5': { input: 1.25, output: 10 } }));
      expect(await loadPriceTable(good)).toEqual({ 'gpt-5.5': { input: 1.25, output: 10 } });
      const bad = join(dir.path, 'bad.json');
      writeFileSync(bad, '{ nope');
      await expect(loadPriceTable(bad)).rejects.toThrow(`The price table ${bad} is not valid JSON`);
      await expect(loadPriceTable(join(dir.path, 'missing.json'))).rejects.toThrow(
        /Cannot read the price table/,
      );
    } finally {
      dir.cleanup();
    }
  });
});
