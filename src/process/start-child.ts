/**
 * Starts an attempt's child: refuses arguments that argv cannot carry (a NUL
 * byte, E2BIG) in words before any spawn, waits for a spawn turn
 * (spawn-pacer.ts), spawns, and words a spawn failure so the user knows what
 * to fix. A cancel that comes while it waits for its turn spawns nothing.
 * When the kernel can hold the tree's limits, the tree's cgroups are made
 * just before the spawn (and removed again if nothing was spawned).
 */
import { performance } from 'node:perf_hooks';
import type { AgentDriver, AgentInvocation } from './agent-driver.js';
import type { NormalizedOptions } from './options.js';
import type { EndReason } from './result.js';
import { abortReason } from './run-child.js';
import type { ChildHandle } from './spawn/child-handle.js';
import { spawnChild, spawnErrorMessage } from './spawn/spawn-child.js';
import { argumentProblem } from './spawn/spawn-diagnosis.js';
import { paced } from './spawn/spawn-pacer.js';
import { kernelControllers, type TreeLimits } from './watch/resource-limits.js';
import { TaskCgroup } from './watch/task-cgroup.js';

/** When the child started (or was to start): a wait for its turn is not run time. */
export interface StartTimes {
  started: number;
  startedAt: Date;
}

export type StartOutcome = StartTimes &
  /** `cgroupProblem`: why the limits are sampled after all (the cgroup could not be made). */
  (
    | { kind: 'spawned'; child: ChildHandle; cgroupProblem: string | null }
    /** Cancelled while it waited for its turn: nothing was spawned. */
    | { kind: 'cancelled'; reason: EndReason }
    | { kind: 'failed'; message: string }
  );

/** What the start reads and sets on its process: the reason to end before the child exists. */
export interface EarlyEnd {
  early(): EndReason | null;
  endEarly(reason: EndReason): void;
}

/** The tree's cgroups when the kernel can hold its limits here; null otherwise or when making them failed. */
function limitCgroup(limits: TreeLimits, failed: (problem: string) => void): TaskCgroup | null {
  const controllers = kernelControllers(limits);
  if (controllers.length === 0) return null;
  try {
    return TaskCgroup.create(controllers, limits);
  } catch (error) {
    failed((error as Error).message);
    return null;
  }
}

export async function startChild(
  driver: AgentDriver,
  invocation: AgentInvocation,
  prompt: string,
  options: NormalizedOptions,
  host: EarlyEnd,
): Promise<StartOutcome> {
  const times: StartTimes = { started: performance.now(), startedAt: new Date() };
  const unpassable = argumentProblem(invocation.args, prompt);
  // Set in the spawn's turn: the tree's cgroups, or why they could not be made.
  const made: { cgroup: TaskCgroup | null; problem: string | null } = {
    cgroup: null,
    problem: null,
  };
  const spawned = unpassable
    ? { ok: false as const, error: unpassable }
    : await paced(() => {
        times.started = performance.now();
        times.startedAt = new Date();
        if (options.signal?.aborted)
          host.endEarly({ kind: 'cancel', reason: abortReason(options.signal) });
        const early = host.early();
        if (early && early.kind !== 'error') return null;
        made.cgroup = limitCgroup(options, (problem) => (made.problem = problem));
        return spawnChild(invocation, options, made.cgroup);
      });
  if (spawned?.ok)
    return { ...times, kind: 'spawned', child: spawned.child, cgroupProblem: made.problem };
  void made.cgroup?.remove();
  if (spawned === null) return { ...times, kind: 'cancelled', reason: host.early()! };
  const message = spawnErrorMessage(invocation.command, spawned.error, driver.installHint, {
    cwd: options.workingDir,
    path: options.env.PATH ?? process.env.PATH ?? '',
  });
  return { ...times, kind: 'failed', message };
}
