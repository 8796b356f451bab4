/** `--backend redis://…`: run the tasks on `orchestrate worker`s through a Redis queue. */
import { normalizeConnection, REDIS_URL_ACCEPTED } from '../../queue/redis-url.js';
import { badFlag, usageError } from '../errors.js';
import type { RawRunFlags } from './run-flags.js';

export function backendFlag(
  raw: { backend?: RawRunFlags['backend']; worktree?: RawRunFlags['worktree'] },
  command: string,
): string | null {
  if (raw.backend === undefined) return null;
  try {
    normalizeConnection('--backend', raw.backend);
  } catch {
    throw badFlag('--backend', raw.backend, REDIS_URL_ACCEPTED, command);
  }
  if (raw.worktree) {
    throw usageError(
      '--worktree cannot be combined with --backend yet: worktrees are leased on this machine, the tasks would run on the workers; drop one of them',
      command,
    );
  }
  return raw.backend;
}
