/**
 * What resuming a session starts from (docs/limits.md#resume): the options it
 * reopens with, read from its records, and the plan of what runs again. The
 * session's folder is reopened by reopen-folder.ts.
 */
import { resolve } from 'node:path';
import type { OrchestratorSessionOptions } from './options.js';
import { readResumePlan, type ResumeOnly, type ResumePlan } from './resume-plan.js';

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
