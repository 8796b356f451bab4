/** The `codex` agent: OpenAI Codex's `codex exec --json`. */
import type { AgentDefinition } from '../agent-definition.js';
import { codexDriver } from './codex-driver.js';

export const codexAgent: AgentDefinition = {
  name: 'codex',
  description: 'OpenAI Codex (`codex exec --json`)',
  // codex exec is read-only by default; its patches apply inside the working folder only.
  editArgs: ['--sandbox', 'workspace-write'],
  driver: (task) => codexDriver({ model: task.model, args: task.args }),
};
