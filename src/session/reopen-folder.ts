/**
 * The session constructor's part in a resume (docs/limits.md#resume): the
 * tasks that run again (their tries numbered after the earlier ones, their
 * conversations continued or not, and why), and the folder reopened: the
 * earlier records replayed, their process ids kept from new processes, the
 * old summary removed (the session runs again), a line saying what runs again.
 */
import { rmSync } from 'node:fs';
import type { OrchestratorSessionOptions } from './options.js';
import type { ProcessIds } from './process-ids.js';
import type { ResumePlan } from './resume-plan.js';
import type { Reopening } from './resume-session.js';
import { ResumedTasks } from './resumed-tasks.js';
import { sessionFile } from './files.js';
import type { SessionRecords } from './session-records.js';

/** The tasks a reopened session runs again; null for a new session. */
export function resumedTasks(
  reopening: Reopening | undefined,
  options: OrchestratorSessionOptions,
): ResumedTasks | null {
  if (!reopening) return null;
  return new ResumedTasks(reopening.plan.tasks, conversationsOff(reopening, options));
}

/** Why a resumed session's tries start their agents afresh, or null: they continue where they can. */
function conversationsOff(
  reopening: Reopening,
  options: OrchestratorSessionOptions,
): string | null {
  if (!reopening.conversations)
    return "conversations: false (under --mock-model the first run's HOME, which held them, is gone)";
  if (options.backend)
    return "its tries run on the backend's workers, which may have no record of them";
  return null;
}

/** Replays the earlier records into the new run's; the returned line goes to session.log. */
export function reopenRecords(
  plan: ResumePlan,
  records: SessionRecords,
  ids: ProcessIds,
  sessionDir: string,
): string {
  // Reserved first: the summary brings back an earlier entry it settled only for an id it knows.
  for (const event of plan.events)
    if ('processId' in event && typeof event.processId === 'string') ids.reserve(event.processId);
  records.replay(plan.events);
  rmSync(sessionFile(sessionDir, 'summary'), { force: true });
  const again = plan.tasks.map((task) => task.spec.id);
  return `Session resumed by pid ${process.pid}: ${again.length} task(s) run again (${again.join(', ') || 'none'}); ${plan.kept.length} kept`;
}
