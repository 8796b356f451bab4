/**
 * The agent registry: one table of built-in agents, and `registerAgent` for
 * more. Adding a built-in agent is one file (its definition) and one line here.
 */
import { describeValue } from '../process/validate.js';
import type { AgentDefinition } from './agent-definition.js';
import { claudeAgent } from './claude/agent.js';
import { codexAgent } from './codex/agent.js';
import { commandAgent } from './command/agent.js';
import { geminiAgent } from './gemini/agent.js';

const BUILT_IN: AgentDefinition[] = [claudeAgent, codexAgent, geminiAgent, commandAgent];

const agents = new Map<string, AgentDefinition>(BUILT_IN.map((agent) => [agent.name, agent]));

const NAME = /^[a-z][a-z0-9-]*$/;

/** Adds an agent; its name must be new (lowercase letters, digits, dashes). */
export function registerAgent(definition: AgentDefinition): void {
  if (definition === null || typeof definition !== 'object') {
    throw new TypeError(`Expected an agent definition object, got ${describeValue(definition)}`);
  }
  if (typeof definition.name !== 'string' || !NAME.test(definition.name)) {
    throw new TypeError(
      `Expected the agent's \`name\` to be lowercase letters, digits and dashes (e.g. "codex"), got ${describeValue(definition.name)}`,
    );
  }
  if (typeof definition.driver !== 'function') {
    throw new TypeError(
      `Expected agent "${definition.name}"'s \`driver\` to be a function, got ${describeValue(definition.driver)}`,
    );
  }
  if (agents.has(definition.name)) {
    throw new Error(
      `An agent named "${definition.name}" is already registered; pick another name.`,
    );
  }
  agents.set(definition.name, definition);
}

/** The registered agent of that name, or undefined. */
export function findAgent(name: string): AgentDefinition | undefined {
  return agents.get(name);
}

/** The registered agent of that name; throws naming the known agents otherwise. */
export function getAgent(name: string): AgentDefinition {
  const agent = agents.get(name);
  if (!agent) {
    throw new Error(
      `Unknown agent ${describeValue(name)}; registered agents: ${agentNames().join(', ')}`,
    );
  }
  return agent;
}

/** The names of every registered agent, built-ins first. */
export function agentNames(): string[] {
  return [...agents.keys()];
}
