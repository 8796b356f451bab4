/**
 * A process id names the process's log files, so it must be a safe file name:
 * not empty, no path separators, not `.`/`..`, no control characters.
 */
const MAX_LENGTH = 200;

export function processIdProblem(processId: unknown): string | null {
  if (typeof processId !== 'string') return `must be a string, got ${typeof processId}`;
  if (processId.length === 0) return 'must not be empty';
  if (processId.length > MAX_LENGTH) return `must be at most ${MAX_LENGTH} characters`;
  if (processId === '.' || processId === '..') return 'must not be "." or ".."';
  if (/[/\\]/.test(processId)) return 'must not contain a path separator (/ or \\)';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(processId)) return 'must not contain control characters';
  return null;
}

/** Throws a TypeError naming the bad id and the rule it breaks. */
export function assertProcessId(processId: unknown): asserts processId is string {
  const problem = processIdProblem(processId);
  if (problem) {
    throw new TypeError(
      `Invalid processId ${JSON.stringify(processId)}: it names the log file, so it ${problem}. ` +
        'Use letters, digits, dots, dashes or underscores, e.g. "review-001".',
    );
  }
}
