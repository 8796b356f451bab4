/**
 * Spawns the child with an argv (never a shell) in its own process group, with
 * stdout and stderr as pipes and stdin either closed or fed once and closed, so
 * it can never block on input.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { ChildExit, SpawnOutcome, SpawnRequest } from './child-handle.js';
import { chunkReader } from './chunk-reader.js';

function ended(stream: Readable): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.readableEnded) return resolve();
    stream.once('close', () => resolve());
  });
}

export async function spawnWithPipes(request: SpawnRequest): Promise<SpawnOutcome> {
  const viaStdin = request.stdinData !== undefined;
  const child = spawn(request.command, request.args, {
    cwd: request.cwd,
    env: request.env,
    detached: true, // its own process group, so the whole tree can be signalled
    stdio: [viaStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  if (child.pid === undefined) {
    const [error] = (await once(child, 'error')) as [NodeJS.ErrnoException];
    return { ok: false, error };
  }
  // A later 'error' (e.g. a failed kill) must not crash the orchestrator.
  child.on('error', () => undefined);
  if (viaStdin && child.stdin) {
    // The child may exit without reading: a broken pipe is not our failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(request.stdinData);
  }
  const stdout = chunkReader(child.stdout!);
  const stderr = child.stderr!;
  return {
    ok: true,
    child: {
      pid: child.pid,
      stdout,
      stderr,
      exited,
      stdioClosed: Promise.all([stdout.closed, ended(stderr)]).then(() => undefined),
      destroyStdio() {
        stdout.destroy();
        stderr.destroy();
      },
    },
  };
}
