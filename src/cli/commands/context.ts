/** What every command's action receives: argv after `--`, and where it records its exit code. */
import type { ExitCode } from '../errors.js';

export interface CommandContext {
  /** Arguments after `--`, for claude. */
  extraArgs: string[];
  exitCode: ExitCode;
}
