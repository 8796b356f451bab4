/**
 * Worktree options, normalized once: copied, defaulted, validated, with
 * messages that name the option, the value and what is accepted.
 */
import { join, resolve } from 'node:path';
import { processIdProblem } from '../process/process-id.js';
import { describeValue } from '../process/validate.js';

export interface WorktreeOptions {
  /** A folder inside the repository to branch from (the user's checkout). */
  cwd: string;
  /** The session the worktree belongs to: names the branch and the folder. */
  sessionId: string;
  /** The process the worktree is leased to: names the branch and the folder. */
  processId: string;
  /** The session's folder: patches go to `<sessionDir>/patches`, worktrees to `<sessionDir>/worktrees` by default. */
  sessionDir: string;
  /** Where worktrees go instead: `<root>/<sessionId>/<processId>`. */
  root?: string;
  /** The ref the branch starts from (default: HEAD). */
  base?: string;
  /**
   * When the branch exists already (a resumed session's task), check it out
   * again with its earlier commits rather than refuse (default false).
   */
  continueBranch?: boolean;
}

export interface NormalizedWorktreeOptions {
  cwd: string;
  sessionId: string;
  processId: string;
  sessionDir: string;
  /** The worktree's folder. */
  path: string;
  branch: string;
  base: string;
  /** The folder holding this session's worktrees (made on demand). */
  parent: string;
  /** True when `parent` is the session's own folder (so orchestrate owns it). */
  underSession: boolean;
  continueBranch: boolean;
}

/** The branch of one leased worktree. */
export function worktreeBranch(sessionId: string, processId: string): string {
  return `orchestrate/${sessionId}/${processId}`;
}

function nonEmpty(name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(
      `Expected \`${name}\` to be a non-empty string, got ${describeValue(value)}`,
    );
  }
  return value;
}

function pathPart(name: string, value: unknown): string {
  const text = nonEmpty(name, value);
  const problem = processIdProblem(text);
  if (problem) {
    throw new TypeError(
      `Invalid \`${name}\` ${describeValue(value)}: it names a worktree folder and branch, so it ${problem}.`,
    );
  }
  return text;
}

export function normalizeWorktreeOptions(options: WorktreeOptions): NormalizedWorktreeOptions {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(
      `Expected worktree options to be an object like { cwd, sessionId, processId, sessionDir }, got ${describeValue(options)}`,
    );
  }
  const cwd = resolve(nonEmpty('cwd', options.cwd));
  const sessionId = pathPart('sessionId', options.sessionId);
  const processId = pathPart('processId', options.processId);
  const sessionDir = resolve(nonEmpty('sessionDir', options.sessionDir));
  const root = options.root === undefined ? undefined : resolve(nonEmpty('root', options.root));
  const base = options.base === undefined ? 'HEAD' : nonEmpty('base', options.base);
  const parent = root === undefined ? join(sessionDir, 'worktrees') : join(root, sessionId);
  return {
    cwd,
    sessionId,
    processId,
    sessionDir,
    path: join(parent, processId),
    branch: worktreeBranch(sessionId, processId),
    base,
    parent,
    underSession: root === undefined,
    continueBranch: options.continueBranch === true,
  };
}
