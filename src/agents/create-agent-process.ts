/**
 * An AgentProcess for a registered agent: the registry gives the driver, the
 * agent-neutral core does the rest. Sessions and the local executor make their
 * processes here, so neither names a particular agent.
 */
import { AgentProcess } from '../process/agent-process.js';
import type { AgentProcessOptions } from '../process/options.js';
import { withPrices } from '../process/priced-driver.js';
import type { PriceTable } from '../process/price-table.js';
import type { AgentTask } from './agent-definition.js';
import { getAgent } from './registry.js';

export function createAgentProcess(
  agent: string,
  task: Partial<AgentTask>,
  options: AgentProcessOptions,
  prices?: PriceTable | null,
): AgentProcess {
  const definition = getAgent(agent);
  const command = task.command ?? options.command ?? null;
  if (definition.needsCommand && command === null) {
    throw new TypeError(
      `Agent "${agent}" needs \`command\`: the path of the executable to run, e.g. { agent: '${agent}', command: './review.sh' }`,
    );
  }
  const driver = definition.driver({
    model: task.model ?? null,
    command,
    args: task.args ?? [],
    promptVia: task.promptVia ?? null,
    outputSchema: task.outputSchema ?? null,
  });
  return new AgentProcess(withPrices(driver, prices), options);
}
