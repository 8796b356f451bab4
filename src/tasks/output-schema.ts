/**
 * A task's `outputSchema` for the agent that runs it: agents with structured
 * output get the schema itself (claude's `--json-schema`); the others get the
 * same demand in words, appended to the prompt. Either way the caller
 * validates what comes back (see patterns/structured-reply.ts).
 */
import { findAgent } from '../agents/registry.js';
import type { TaskSpec } from './task-spec.js';

/** The prompt the agent is given: the spec's, plus the schema in words when the agent cannot hold to it itself. */
export function promptWithSchema(spec: TaskSpec): string {
  if (!spec.outputSchema || findAgent(spec.agent)?.structuredOutput) return spec.prompt;
  return `${spec.prompt}\n\n${schemaInstruction(spec.outputSchema)}`;
}

export function schemaInstruction(schema: Record<string, unknown>): string {
  return (
    'Reply with only one JSON object, no other text, that follows this JSON schema:\n' +
    JSON.stringify(schema)
  );
}
