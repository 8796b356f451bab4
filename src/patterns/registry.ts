/**
 * The one list of patterns: the CLI's pattern commands and the docs table
 * read it, as the run commands read the strategy registry. Each entry names
 * the pattern's command, its library function and a line of help; the
 * function itself is imported only when the pattern runs.
 */

export interface PatternDefinition {
  /** The CLI command and the name in records, e.g. "n-version". */
  readonly name: string;
  /** The library function, e.g. "nVersion". */
  readonly runner: string;
  /** One line for help texts and docs. */
  readonly summary: string;
  /** One command line that shows it. */
  readonly example: string;
}

export const PATTERNS = [
  {
    name: 'n-version',
    runner: 'nVersion',
    summary: 'N agents do the task in their own worktrees; a check and a reviewer pick the best',
    example: 'orchestrate n-version -n 3 --check "npm test" --merge "Fix the flaky test"',
  },
  {
    name: 'cascade',
    runner: 'cascade',
    summary: 'try tiers (models or agents) in order until one is accepted',
    example:
      'orchestrate cascade --models haiku,sonnet,opus --accept "grep -q PASS" "Triage the bug"',
  },
  {
    name: 'debate',
    runner: 'debate',
    summary: 'perspectives answer over rounds, seeing each other; a facilitator synthesizes',
    example:
      'orchestrate debate --perspectives security,speed,simplicity --rounds 2 "Which queue?"',
  },
  {
    name: 'panel',
    runner: 'expertPanel',
    summary: 'experts answer in parallel; one aggregator combines them (votes with --options)',
    example: 'orchestrate panel --experts security,testing,ux "Review the login flow"',
  },
] as const satisfies readonly PatternDefinition[];

/** A built-in pattern's name. */
export type PatternName = (typeof PATTERNS)[number]['name'];

export function patternNames(): PatternName[] {
  return PATTERNS.map((p) => p.name);
}
