/**
 * Reads a structured reply from an agent's output: the JSON object it was
 * asked for (bare, or in a ```json fence), validated with a zod schema. A
 * reply that is not valid gives the reason instead, never a guess.
 */
import type { z } from 'zod';

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
    lastError = checked.error.issues
      .map((issue) => `${issue.path.join('.') || 'reply'}: ${issue.message}`)
      .join('; ');
  }
  return { ok: false, error: lastError };
}
