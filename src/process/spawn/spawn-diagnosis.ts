/**
 * What stands in the way of a spawn, in words the user can act on. Checked
 * before spawning (a NUL byte or an argument too long for argv never reach
 * the kernel), and after a failed spawn (ENOENT alone may mean a missing
 * command, a missing working directory or a missing `#!` interpreter).
 */
import { accessSync, constants, openSync, readSync, closeSync, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** Linux's MAX_ARG_STRLEN: one argument, its final NUL included. */
const MAX_ARGUMENT_BYTES = 128 * 1024;
const STDIN_ADVICE = "pass the prompt on stdin instead (promptVia: 'stdin' for a CommandProcess)";

function problem(code: string, message: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(message);
  error.code = code;
  return error;
}

/** A reason the arguments cannot be passed, or null. */
export function argumentProblem(args: string[], prompt: string): NodeJS.ErrnoException | null {
  for (const arg of args) {
    const nul = arg.indexOf('\0');
    if (nul >= 0) {
      const where = prompt.includes('\0')
        ? `the prompt has one at character ${prompt.indexOf('\0')}`
        : `an argument has one at character ${nul}`;
      return problem(
        'ERR_INVALID_ARG_VALUE',
        `a command-line argument cannot hold a NUL byte and ${where}; remove it, or ${STDIN_ADVICE}`,
      );
    }
    const bytes = Buffer.byteLength(arg) + 1;
    if (bytes > MAX_ARGUMENT_BYTES) {
      return problem(
        'E2BIG',
        `an argument of ${bytes - 1} bytes (the prompt?) is longer than the ${MAX_ARGUMENT_BYTES / 1024} KiB one argument may hold; ${STDIN_ADVICE}`,
      );
    }
  }
  return null;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The paths a command name may stand for: itself when it has a slash, else each PATH entry. */
export function commandCandidates(command: string, path: string, cwd: string): string[] {
  return command.includes('/') || isAbsolute(command)
    ? [resolve(cwd, command)]
    : path
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, command));
}

/** Where the command would be found: the first file of that name (executable or not). */
function locate(command: string, path: string, cwd: string): string | null {
  const candidates = commandCandidates(command, path, cwd);
  return (
    candidates.find((c) => isFile(c) && executable(c)) ?? candidates.find((c) => isFile(c)) ?? null
  );
}

/** The interpreter a `#!` line names (for `#!/usr/bin/env x`, x), or null. */
function interpreterOf(file: string): string[] | null {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(256);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    const first = buffer.subarray(0, n).toString('latin1').split('\n')[0] ?? '';
    if (!first.startsWith('#!')) return null;
    return first.slice(2).trim().split(/\s+/).filter(Boolean);
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Why spawning `command` in `cwd` failed with `code`, in words; null to keep the system's words. */
export function diagnoseSpawnFailure(
  command: string,
  code: string | undefined,
  cwd: string,
  path: string,
): string | null {
  if (code !== 'ENOENT' && code !== 'EACCES' && code !== 'ENOTDIR') return null;
  if (!isDirectory(cwd)) return `the working directory ${cwd} does not exist (any more)`;
  const found = locate(command, path, cwd);
  if (!found) return 'no such file or command on PATH';
  if (!executable(found))
    return `permission denied: ${found} is not executable (no run bit; chmod +x ${found})`;
  const interpreter = interpreterOf(found);
  if (interpreter && interpreter.length > 0) {
    const [program, first] = interpreter;
    if (program!.endsWith('/env') && first && isFile(program!)) {
      if (!locate(first, path, cwd))
        return `its interpreter ${first} (from its #! line, via env) is not on PATH`;
    } else if (!isFile(program!)) {
      return `its interpreter ${program} (from its #! line) does not exist`;
    } else if (!executable(program!)) {
      return `its interpreter ${program} (from its #! line) is not executable`;
    }
  }
  return code === 'EACCES' ? 'permission denied (is it executable?)' : null;
}
