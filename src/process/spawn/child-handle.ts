/** The one shape both spawn modes (pipes and pty) hand to the lifecycle. */
import type { Readable } from 'node:stream';
import type { TaskCgroup } from '../watch/task-cgroup.js';
import type { ChunkReader } from './chunk-reader.js';

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ChildHandle {
  pid: number;
  /** Stdout as chunks valid only during the callback (one reused buffer). */
  stdout: ChunkReader;
  /** Null in pty mode, where the terminal merges both streams. */
  stderr: Readable | null;
  exited: Promise<ChildExit>;
  /** Resolves when stdout and stderr have both ended (every holder closed them). */
  stdioClosed: Promise<void>;
  /** Stops reading: for when a process outside the tree still holds the pipes. */
  destroyStdio(): void;
  /** The tree's ORCHESTRATE_TREE value, when it has one (see terminate/tree-marker.ts). */
  marker?: string;
  /** The tree's cgroups, when the kernel holds its limits (see watch/task-cgroup.ts). */
  cgroup?: TaskCgroup;
}

export interface SpawnRequest {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed; when absent stdin is closed from the start. */
  stdinData?: string;
}

export type SpawnOutcome =
  { ok: true; child: ChildHandle } | { ok: false; error: NodeJS.ErrnoException };
