/**
 * What resuming a session needs beside the session itself
 * (docs/limits.md#resume): the options it reopens with, read from its
 * records, and the reopening: the earlier records replayed, their process ids
 * kept from new processes, the old summary removed (the session runs again),
 * a line saying what runs again.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OrchestratorSessionOptions } from './options.js';
import type { ProcessIds } from './process-ids.js';
import { readResumePlan, type ResumeOnly, type ResumePlan } from './resume-plan.js';
import { sessionFile } from './files.js';
import type { SessionRecords } from './session-records.js';

/** Options for resuming: the session's own (pattern, name, working dir, model) come from its records. */
export type ResumeSessionOptions = Omit<
  OrchestratorSessionOptions,
  'patternName' | 'baseLogDir' | 'name'
> & {
  /** Which tasks run again (default 'all': every one that did not succeed). */
  only?: ResumeOnly;
  /** Continue the agents' conversations where they can (default true). */
  conversations?: boolean;
};

/** What the session constructor is given to reopen a folder rather than make one. */
export interface Reopening {
  plan: ResumePlan;
  conversations: boolean;
}

/** The plan, and the options the session reopens with. */
export function resumeOptions(
  sessionDir: string,
  options: ResumeSessionOptions,
): { options: OrchestratorSessionOptions; reopening: Reopening } {
  const { only = 'all', conversations = true, ...rest } = options;
  const plan = readResumePlan(resolve(sessionDir), only);
  const { start } = plan;
  return {
    options: {
      patternName: start.patternName,
      ...(start.name === undefined ? {} : { name: start.name }),
      workingDir: start.workingDir,
      ...(start.model === null ? {} : { model: start.model }),
      ...rest,
    },
    reopening: { plan, conversations },
  };
}

/** Why a resumed session's tries start their agents afresh, or null: they continue where they can. */
export function conversationsOff(
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
