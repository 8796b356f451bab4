/** The `claude` agent: Claude Code's `claude -p` with stream-json output. */
import type { AgentDefinition } from '../agent-definition.js';
import { claudeDriver } from './claude-driver.js';

export const claudeAgent: AgentDefinition = {
  name: 'claude',
  description: 'Claude Code (`claude -p --output-format stream-json`)',
  driver: (task) => claudeDriver(task.model, task.args),
};
