/**
 * Runs the built CLI on a pseudo-terminal (node-pty), as a user at a terminal
 * would: stdin, stdout and stderr are all the terminal, and Ctrl-C is the
 * byte \x03, turned into SIGINT by the terminal's line discipline.
 */
import { cliEnv, cliPath } from './run-cli.js';
import { repoRoot } from '../../helpers/fixtures.js';
import { drainBeforeDestroy } from '../../../src/process/spawn/pty-drain.js';

export interface TerminalRun {
  /** Everything the terminal showed so far, escape codes included. */
  screen(): string;
  write(data: string): void;
  pid: number;
  done: Promise<{ exitCode: number; signal: number | undefined; screen: string }>;
}

export async function runInTerminal(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<TerminalRun> {
  const pty = await import('@lydell/node-pty');
  const term = pty.spawn(process.execPath, [cliPath, ...args], {
    name: 'xterm-256color',
    cols: 120,
    rows: 30,
    cwd: repoRoot,
    env: cliEnv({ NO_COLOR: undefined, TERM: 'xterm-256color', ...env }) as Record<string, string>,
  });
  let screen = '';
  term.onData((data) => (screen += data));
  // The CLI's last lines (its summary) are written just before it exits.
  drainBeforeDestroy(term, (chunk) => (screen += chunk.toString()));
  const done = new Promise<{ exitCode: number; signal: number | undefined; screen: string }>(
    (resolve) => {
      term.onExit(({ exitCode, signal }) =>
        setTimeout(() => resolve({ exitCode, signal, screen }), 50),
      );
    },
  );
  return { screen: () => screen, write: (data) => term.write(data), pid: term.pid, done };
}

/** The text without ANSI escape sequences. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001B\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}
