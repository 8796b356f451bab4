/**
 * Prices a driver's runs from the user's price table when the agent reports
 * tokens and a model but no cost. The agent's own figure is never replaced.
 */
import type { AgentDriver } from './agent-driver.js';
import { costFromPrices, type PriceTable } from './price-table.js';

export function withPrices(driver: AgentDriver, table: PriceTable | null | undefined): AgentDriver {
  if (!table) return driver;
  return {
    ...driver,
    reader(hooks) {
      const reader = driver.reader(hooks);
      return {
        get wants() {
          return reader.wants;
        },
        line: (line) => reader.line(line),
        display: (line) => reader.display(line),
        findings(exitCode) {
          const findings = reader.findings(exitCode);
          if (typeof findings.costUsd === 'number') return findings;
          const costUsd = costFromPrices(findings.usage, findings.model, table);
          return costUsd === null ? findings : { ...findings, costUsd };
        },
      };
    },
  };
}
