/**
 * Turns zod issues into short lines that name the field, the problem and the
 * value received: "rules[0].turns[1].error.status: Too small: expected number
 * to be >=400 (got `99`, number)".
 */
import type { z } from 'zod';

export interface FieldIssue {
  /** The field, as `rules[0].turns[1].text`; `(root)` for the whole document. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !(key in value)) {
      return { found: false, value: undefined };
    }
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value };
}

function describeValue(value: unknown, withType: boolean): string {
  const shown = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  const short = shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
  return withType ? `\`${short}\` (${value === null ? 'null' : typeof value})` : `\`${short}\``;
}

/**
 * One line per issue. A primitive value received is added (zod's type errors
 * already name its type); objects are not repeated.
 */
export function toFieldIssues(error: z.ZodError, input: unknown): FieldIssue[] {
  return error.issues.map((issue) => {
    const { found, value } = valueAt(input, issue.path);
    const primitive = value === null || typeof value !== 'object';
    const got =
      found && primitive ? `, got ${describeValue(value, issue.code !== 'invalid_type')}` : '';
    return { path: formatPath(issue.path), message: `${issue.message}${got}` };
  });
}

export function issuesText(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}
