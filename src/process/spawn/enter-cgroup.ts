/**
 * Puts a child in its tree's cgroups before it runs a single instruction of
 * its own: the child is /bin/sh, which writes its own pid into each cgroup's
 * `cgroup.procs` and then execs the agent in place (same pid, same argv). So
 * nothing the agent starts, even a daemon that leaves its process group, is
 * outside the cgroup. A command that would fail to start is not wrapped: its
 * spawn error keeps its own words (see spawn-diagnosis.ts).
 */
import type { TaskCgroup } from '../watch/task-cgroup.js';
import type { SpawnRequest } from './child-handle.js';
import { diagnoseSpawnFailure } from './spawn-diagnosis.js';

/** The name the shell gives itself in its own error messages. */
const NAME = 'orchestrate-cgroup';

const quoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

export function enterCgroup(request: SpawnRequest, cgroup: TaskCgroup | null): SpawnRequest {
  if (cgroup === null) return request;
  if (diagnoseSpawnFailure(request.command, 'ENOENT', request.cwd, request.env.PATH ?? ''))
    return request;
  const enter = cgroup.procsFiles().map((file) => `echo $$ > ${quoted(file)}`);
  const script = `${enter.join(' && ')} && exec "$@"`;
  return {
    ...request,
    command: '/bin/sh',
    args: ['-c', script, NAME, request.command, ...request.args],
  };
}
