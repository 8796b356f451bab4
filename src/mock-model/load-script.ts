/**
 * Validating a mock script, from a value or from a JSON file, with errors that
 * name the file and the field.
 */
import { readFile } from 'node:fs/promises';
import { issuesText, toFieldIssues, type FieldIssue } from './issues.js';
import { mockScriptSchema, type MockScript } from './script.js';

/** A mock script that cannot be read or is not valid; `issues` names each bad field. */
export class MockScriptError extends Error {
  override readonly name = 'MockScriptError';
  readonly file: string | null;
  readonly issues: readonly FieldIssue[];

  constructor(message: string, file: string | null, issues: readonly FieldIssue[]) {
    super(message);
    this.file = file;
    this.issues = issues;
  }
}

/** Validates a script value; throws a MockScriptError naming each bad field. */
export function parseMockScript(value: unknown, file: string | null = null): MockScript {
  const parsed = mockScriptSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = toFieldIssues(parsed.error, value);
  const where = file === null ? 'Invalid mock script' : `Invalid mock script ${file}`;
  throw new MockScriptError(`${where}: ${issuesText(issues)}`, file, issues);
}

/** Reads and validates a JSON mock script file. */
export async function loadMockScript(path: string): Promise<MockScript> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MockScriptError(`Cannot read mock script ${path}: ${reason}`, path, []);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const issues = [{ path: '(root)', message: `not valid JSON: ${reason}` }];
    throw new MockScriptError(`Invalid mock script ${path}: ${issuesText(issues)}`, path, issues);
  }
  return parseMockScript(value, path);
}
