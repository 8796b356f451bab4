/**
 * Picks the spawn mode (pipes, or a pseudo-terminal when asked), builds the
 * child's environment, and words spawn failures so the user knows what to fix.
 */
import { accessSync, constants, statSync } from 'node:fs';
import type { AgentInvocation } from '../agent-driver.js';
import { childEnvironment } from '../environment.js';
import type { NormalizedOptions } from '../options.js';
import { ensureReaper, reaperEnabled } from '../terminate/reaper.js';
import { newTreeMarker, TREE_MARKER_VARIABLE } from '../terminate/tree-marker.js';
import type { TaskCgroup } from '../watch/task-cgroup.js';
import type { SpawnOutcome } from './child-handle.js';
import { enterCgroup } from './enter-cgroup.js';
import { spawnWithPipes } from './spawn-pipes.js';
import { commandCandidates, diagnoseSpawnFailure } from './spawn-diagnosis.js';
import { spawnWithPty } from './spawn-pty.js';

/** The absolute path a command resolves to on PATH, or null. */
export function findExecutable(
  command: string,
  path = process.env.PATH ?? '',
  cwd = process.cwd(),
): string | null {
  const candidates = commandCandidates(command, path, cwd);
  for (const candidate of candidates) {
    try {
      if (statSync(candidate).isFile()) {
        accessSync(candidate, constants.X_OK);
        return candidate;
      }
    } catch {
      // Not here; try the next one.
    }
  }
  return null;
}

/** Spawns the agent; in `cgroup` from its first instruction when one is given (see enter-cgroup.ts). */
export async function spawnChild(
  invocation: AgentInvocation,
  options: NormalizedOptions,
  cgroup: TaskCgroup | null = null,
): Promise<SpawnOutcome> {
  // Marked, so the tree can be found even by a reaper outliving us (see terminate/reaper.ts).
  const marker = reaperEnabled() && ensureReaper() ? newTreeMarker() : undefined;
  const env = childEnvironment(
    marker === undefined ? options.env : { ...options.env, [TREE_MARKER_VARIABLE]: marker },
  );
  const request = {
    command: invocation.command,
    args: invocation.args,
    cwd: options.workingDir,
    env,
    stdinData: invocation.stdinData,
  };
  const marks = { marker, cgroup };
  if (options.stdin !== 'pty')
    return withMarks(await spawnWithPipes(enterCgroup(request, cgroup)), marks);
  if (invocation.stdinData !== undefined) {
    const error: NodeJS.ErrnoException = new Error(
      'the prompt is too large for a command-line argument and a pseudo-terminal cannot carry it; use stdin: "closed"',
    );
    error.code = 'E2BIG';
    return { ok: false, error };
  }
  // node-pty reports a missing binary only after the fork; look it up first.
  if (!findExecutable(invocation.command, env.PATH, options.workingDir)) {
    const error: NodeJS.ErrnoException = new Error(`spawn ${invocation.command} ENOENT`);
    error.code = 'ENOENT';
    error.syscall = 'spawn';
    return { ok: false, error };
  }
  return withMarks(await spawnWithPty(enterCgroup(request, cgroup)), marks);
}

function withMarks(
  outcome: SpawnOutcome,
  marks: { marker: string | undefined; cgroup: TaskCgroup | null },
): SpawnOutcome {
  if (outcome.ok && marks.marker !== undefined) outcome.child.marker = marks.marker;
  if (outcome.ok && marks.cgroup !== null) outcome.child.cgroup = marks.cgroup;
  return outcome;
}

export function spawnErrorMessage(
  command: string,
  error: NodeJS.ErrnoException,
  hint?: string,
  where: { cwd: string; path: string } = { cwd: process.cwd(), path: process.env.PATH ?? '' },
): string {
  // Errors of our own making (no syscall) already say what to do.
  const fromSystem = error.syscall !== undefined;
  const missing = 'no such file or command on PATH';
  const why = !fromSystem
    ? error.message
    : (diagnoseSpawnFailure(command, error.code, where.cwd, where.path) ??
      (error.code === 'ENOENT'
        ? missing
        : error.code === 'EACCES'
          ? 'permission denied (is it executable?)'
          : error.code === 'E2BIG'
            ? "the command line is longer than the system allows (E2BIG); pass the prompt on stdin instead (promptVia: 'stdin' for a CommandProcess)"
            : error.message));
  // The installation hint is for a missing command, not for a missing folder or a broken prompt.
  const advice = hint && why === missing ? ` ${hint}` : '';
  return `Could not start ${command}: ${why}.${advice}`;
}
