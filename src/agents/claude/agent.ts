/** The `claude` agent: Claude Code's `claude -p` with stream-json output. */
import type { AgentDefinition } from '../agent-definition.js';
import { claudeDriver } from './claude-driver.js';

export const claudeAgent: AgentDefinition = {
  name: 'claude',
  description: 'Claude Code (`claude -p --output-format stream-json`)',
  structuredOutput: true,
  editArgs: ['--permission-mode', 'acceptEdits'],
  driver: (task) =>
    claudeDriver(task.model, [
      // claude offers the model a StructuredOutput tool with this schema and validates the call.
      ...(task.outputSchema ? ['--json-schema', JSON.stringify(task.outputSchema)] : []),
      ...task.args,
    ]),
};
