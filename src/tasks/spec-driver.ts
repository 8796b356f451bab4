/** The agent driver a spec runs on, built from its agent fields, for reading a try run elsewhere. */
import type { AgentDriver } from '../process/agent-driver.js';
import { getAgent } from '../agents/registry.js';
import type { TaskSpec } from './task-spec.js';

export function specDriver(spec: TaskSpec): AgentDriver {
  return getAgent(spec.agent).driver({
    model: spec.model ?? null,
    command: spec.command ?? null,
    args: spec.args ?? [],
    promptVia: spec.promptVia ?? null,
  });
}
