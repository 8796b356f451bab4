/** The `gemini` agent: Gemini CLI's `gemini -p --output-format stream-json`. */
import type { AgentDefinition } from '../agent-definition.js';
import { geminiDriver } from './gemini-driver.js';

export const geminiAgent: AgentDefinition = {
  name: 'gemini',
  description: 'Gemini CLI (`gemini -p --output-format stream-json`)',
  // Headless gemini leaves out the tools that would ask; auto_edit approves its file edits.
  editArgs: ['--approval-mode', 'auto_edit'],
  driver: (task) => geminiDriver({ model: task.model, args: task.args }),
};
