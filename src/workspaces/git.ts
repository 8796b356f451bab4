/**
 * Runs the real `git` CLI with an argv (no shell), in a folder, and returns its
 * stdout. A failure becomes a GitError that keeps the command, the exit code
 * and git's own words.
 */
import { execFile } from 'node:child_process';

export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly cwd: string,
    readonly exitCode: number | null,
    readonly stderr: string,
    readonly stdout: string,
  ) {
    const said = stderr.trim() || stdout.trim() || `exit code ${exitCode}`;
    super(`git ${args.join(' ')} failed in ${cwd}: ${said}`);
    this.name = 'GitError';
  }
}

export interface GitOptions {
  /** Extra environment (added to the inherited one). */
  env?: Record<string, string>;
  /** Written to git's stdin. */
  input?: string;
}

/** Git never prompts, never pages, and speaks English so its words can be shown. */
const QUIET_ENV = { GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' };

export function git(
  cwd: string,
  args: readonly string[],
  options: GitOptions = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd,
        env: { ...process.env, ...QUIET_ENV, ...options.env },
        maxBuffer: 256 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !stderr) {
          return reject(
            new Error(
              'git is not installed (or not on PATH): worktrees need it. Install git and try again.',
            ),
          );
        }
        const code = typeof error.code === 'number' ? error.code : null;
        reject(new GitError(args, cwd, code, stderr, stdout));
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** Like git(), but a non-zero exit resolves with null instead of rejecting. */
export async function gitMaybe(cwd: string, args: readonly string[]): Promise<string | null> {
  try {
    return await git(cwd, args);
  } catch (error) {
    if (error instanceof GitError) return null;
    throw error;
  }
}
