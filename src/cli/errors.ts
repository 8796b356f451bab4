/**
 * The CLI's one error class and its exit codes. An error carries a string code
 * (for tests and scripts) and the exit code it ends the command with; the
 * message says what was wrong and what is accepted.
 */

/** Exit codes, explained in words (after zx). */
export const EXIT = {
  /** Every process succeeded. */
  ok: 0,
  /** At least one process failed, timed out or could not start; or the command failed. */
  failed: 1,
  /** The command line was wrong: an unknown flag, a bad value, no prompts. */
  usage: 2,
  /** SIGHUP (the terminal closed): everything was cancelled. 128 + the signal's number, as a shell says. */
  hangup: 129,
  /** Interrupted by Ctrl-C (SIGINT): everything was cancelled. */
  interrupted: 130,
  /** SIGQUIT (Ctrl-\\): everything was cancelled. */
  quit: 131,
  /** The reader of our output went away (EPIPE, as SIGPIPE would): everything was cancelled. */
  outputClosed: 141,
  /** SIGTERM: everything was cancelled. */
  terminated: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODE_WORDS: Record<ExitCode, string> = {
  0: 'all processes succeeded',
  1: 'a process failed, or the command could not do its work',
  2: 'usage error',
  129: 'hung up (SIGHUP)',
  130: 'interrupted (SIGINT)',
  131: 'quit (SIGQUIT)',
  141: 'the output was closed (EPIPE)',
  143: 'terminated (SIGTERM)',
};

/** The signals a run ends cleanly on, and the exit code each gives. */
export const SIGNAL_EXIT_CODES = {
  SIGHUP: EXIT.hangup,
  SIGINT: EXIT.interrupted,
  SIGQUIT: EXIT.quit,
  SIGPIPE: EXIT.outputClosed,
  SIGTERM: EXIT.terminated,
} as const satisfies Partial<Record<NodeJS.Signals, ExitCode>>;

export type HandledSignal = keyof typeof SIGNAL_EXIT_CODES;

export type CLIErrorCode =
  /** A flag, argument or value the command does not accept. */
  | 'E_USAGE'
  /** A session, process or file that does not exist. */
  | 'E_NOT_FOUND'
  /** Reading or writing failed. */
  | 'E_IO';

export class CLIError extends Error {
  readonly exitCode: ExitCode;

  constructor(
    message: string,
    readonly code: CLIErrorCode,
    /** The command whose usage line a usage error shows, e.g. "parallel". */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'CLIError';
    this.exitCode = code === 'E_USAGE' ? EXIT.usage : EXIT.failed;
  }
}

/** A usage error about one flag: names the flag, the value received and what is accepted. */
export function badFlag(
  flag: string,
  value: unknown,
  accepted: string,
  command?: string,
): CLIError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return new CLIError(`${flag}: expected ${accepted}, got ${shown}`, 'E_USAGE', command);
}

export function usageError(message: string, command?: string): CLIError {
  return new CLIError(message, 'E_USAGE', command);
}
