/**
 * Role prompts live in editable template files (`prompts/<name>.md` in the
 * package), not in code. `--prompts-dir` (or `promptsDir`) points at a folder
 * whose files of the same name win. `{{name}}` is replaced by the value given.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The built-in templates: `<package>/prompts` (two levels above this file in src/ and dist/). */
export const BUILT_IN_PROMPTS = fileURLToPath(new URL('../../prompts/', import.meta.url));

export type PromptName =
  | 'n-version-reviewer'
  | 'debate-opening'
  | 'debate-rebuttal'
  | 'debate-synthesis'
  | 'panel-expert'
  | 'panel-expert-vote'
  | 'panel-aggregator';

/** The template text: from `promptsDir` when it has the file, else the built-in one. */
export function loadTemplate(name: PromptName, promptsDir: string | null): string {
  const own = promptsDir === null ? null : join(promptsDir, `${name}.md`);
  const file = own && existsSync(own) ? own : join(BUILT_IN_PROMPTS, `${name}.md`);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read the prompt template ${file}: ${(error as Error).message}`);
  }
}

/** Fills `{{key}}` placeholders; an unknown placeholder is an error naming it. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) {
      throw new Error(
        `The prompt template uses {{${key}}}, which this step does not provide; it provides ${Object.keys(
          values,
        )
          .map((k) => `{{${k}}}`)
          .join(', ')}`,
      );
    }
    return value;
  });
}

export function renderPrompt(
  name: PromptName,
  promptsDir: string | null,
  values: Record<string, string>,
): string {
  return fillTemplate(loadTemplate(name, promptsDir), values).trim();
}
