/**
 * Reads a structured reply: the object the agent reported itself (claude's
 * `--json-schema`), or else the JSON object its output holds (bare, or in a
 * ```json fence), validated with a zod schema. A reply that is not valid gives
 * the reason instead, never a guess.
 */
import { z } from 'zod';
import type { ProcessResult } from '../process/result.js';
import type { TaskSpec } from '../tasks/task-spec.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function candidates(output: string): string[] {
  const trimmed = output.trim();
  const found = [trimmed];
  for (const match of trimmed.matchAll(/```(?:json)?\s*\n([\s\S]*?)```/g)) found.push(match[1]!);
  const first = trimmed.indexOf('{');
  const last = trimmed.lastIndexOf('}');
  if (first >= 0 && last > first) found.push(trimmed.slice(first, last + 1));
  return found;
}

export function parseStructuredReply<T>(output: string, schema: z.ZodType<T>): Parsed<T> {
  let lastError = 'the reply holds no JSON object';
  for (const text of candidates(output)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      continue;
    }
    const checked = schema.safeParse(json);
    if (checked.success) return { ok: true, value: checked.data };
    lastError = issuesText(checked.error);
  }
  return { ok: false, error: lastError };
}

/** The JSON schema a step's `outputSchema` carries for a zod schema. */
export function jsonSchemaOf(schema: z.ZodType): NonNullable<TaskSpec['outputSchema']> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema) as Record<
    string,
    z.core.util.JSONType
  >;
  return json;
}

/** A step's answer, validated: its structured output when the agent gave one, else its output text. */
export function readStructured<T>(result: ProcessResult, schema: z.ZodType<T>): Parsed<T> {
  if (result.structuredOutput === undefined) return parseStructuredReply(result.output, schema);
  const checked = schema.safeParse(result.structuredOutput);
  if (checked.success) return { ok: true, value: checked.data };
  return { ok: false, error: issuesText(checked.error) };
}

function issuesText(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || 'reply'}: ${issue.message}`)
    .join('; ');
}
