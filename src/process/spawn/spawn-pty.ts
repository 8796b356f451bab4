/**
 * Spawns the child on a pseudo-terminal, for agents that insist on a terminal.
 * As in the original, the terminal is fed a newline every 100 ms so that a read
 * of stdin never blocks. The terminal merges stdout and stderr. node-pty is
 * loaded only when this mode is asked for. Its exit comes after its socket
 * closes, and the socket is drained before it closes (pty-drain.ts), so stdout
 * ends with the child's last byte.
 */
import { constants } from 'node:os';
import { PassThrough } from 'node:stream';
import type { ChildExit, SpawnOutcome, SpawnRequest } from './child-handle.js';
import { streamReader } from './chunk-reader.js';
import { drainBeforeDestroy } from './pty-drain.js';
import { flatEnvironment } from '../environment.js';

const FEED_INTERVAL_MS = 100;

function signalName(signal: number | undefined): NodeJS.Signals | null {
  if (!signal) return null;
  const entry = Object.entries(constants.signals).find(([, number]) => number === signal);
  return entry ? (entry[0] as NodeJS.Signals) : null;
}

export async function spawnWithPty(request: SpawnRequest): Promise<SpawnOutcome> {
  const pty = await import('@lydell/node-pty');
  let terminal: ReturnType<typeof pty.spawn>;
  try {
    terminal = pty.spawn(request.command, request.args, {
      cwd: request.cwd,
      env: flatEnvironment(request.env), // node-pty copies only own variables
      cols: 200,
      rows: 50,
      name: 'xterm-256color',
      encoding: null,
    });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (!failure.code) failure.code = 'ENOENT';
    return { ok: false, error: failure };
  }
  const stdout = new PassThrough();
  const forward = (data: string | Buffer) => {
    stdout.write(typeof data === 'string' ? Buffer.from(data) : data);
  };
  terminal.onData(forward);
  drainBeforeDestroy(terminal, forward);
  const feeder = setInterval(() => {
    try {
      terminal.write('\n');
    } catch {
      clearInterval(feeder);
    }
  }, FEED_INTERVAL_MS);
  feeder.unref();
  const exited = new Promise<ChildExit>((resolve) => {
    terminal.onExit(({ exitCode, signal }) => {
      clearInterval(feeder);
      stdout.end();
      const name = signalName(signal);
      resolve({ code: name ? null : exitCode, signal: name });
    });
  });
  const stdioClosed = new Promise<void>((resolve) => stdout.once('close', () => resolve()));
  return {
    ok: true,
    child: {
      pid: terminal.pid,
      stdout: streamReader(stdout),
      stderr: null,
      exited,
      stdioClosed,
      destroyStdio() {
        clearInterval(feeder);
        stdout.destroy();
      },
    },
  };
}
