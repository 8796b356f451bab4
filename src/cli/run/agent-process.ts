/**
 * Tasks of codex, gemini (any registered agent but claude and command): the
 * process for one planned task, on the agent's driver from the registry,
 * priced from --prices when the agent reports tokens but no cost.
 */
import { getAgent } from '../../agents/registry.js';
import type { AgentProcess } from '../../process/agent-process.js';
import { withPrices } from '../../process/priced-driver.js';
import { loadPriceTable, type PriceTable } from '../../process/price-table.js';
import type { OrchestratorSession } from '../../session/orchestrator-session.js';
import { usageError } from '../errors.js';
import type { RunConfig } from '../options/normalize-run-flags.js';
import type { PlannedProcess } from './plan.js';

export async function readPrices(config: RunConfig): Promise<PriceTable | null> {
  if (config.pricesFile === undefined) return null;
  try {
    return await loadPriceTable(config.pricesFile);
  } catch (error) {
    throw usageError(`--prices: ${(error as Error).message}`, config.strategy);
  }
}

export function createAgentProcess(
  session: OrchestratorSession,
  config: RunConfig,
  prices: PriceTable | null,
  { prompt, processId, model, agent, command, label: _label, ...options }: PlannedProcess,
): AgentProcess {
  const driver = getAgent(agent).driver({
    model: model ?? config.models[0] ?? null,
    command: command ?? null,
    args: config.extraArgs,
    promptVia: null,
  });
  return session.createAgentProcess(withPrices(driver, prices), prompt, processId, {
    ...options,
    ...(command === undefined ? {} : { command }),
  });
}
