/** The `command` agent: any executable; the prompt goes in argv, on stdin or nowhere. */
import type { AgentDefinition } from '../agent-definition.js';
import { commandDriver } from './command-driver.js';

export const commandAgent: AgentDefinition = {
  name: 'command',
  description: 'any executable (`command`); its output is its stdout, its verdict the exit code',
  needsCommand: true,
  driver: (task) =>
    commandDriver({
      command: task.command ?? '',
      args: task.args,
      promptVia: task.promptVia ?? 'argument',
    }),
};
