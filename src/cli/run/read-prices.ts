/** --prices: the user's price table, read once for the run (a usage error when it is bad). */
import { loadPriceTable, type PriceTable } from '../../process/price-table.js';
import { usageError } from '../errors.js';
import type { RunConfig } from '../options/normalize-run-flags.js';

export async function readPrices(config: RunConfig): Promise<PriceTable | null> {
  if (config.pricesFile === undefined) return null;
  try {
    return await loadPriceTable(config.pricesFile);
  } catch (error) {
    throw usageError(`--prices: ${(error as Error).message}`, config.strategy);
  }
}
