/**
 * `orchestrate resume`: the session to open again, what its records say to
 * run, and the specs to run, from its `task` records. A secret the records
 * redacted comes back from this environment (or the task is refused, naming
 * the variable).
 */
import type { ResumeOnly, ResumePlan } from '../../session/resume-plan.js';
import { readResumePlan, ResumeError } from '../../session/resume-plan.js';
import { REDACTED } from '../../tasks/redact.js';
import type { TaskSpec } from '../../tasks/task-spec.js';
import { CLIError, usageError } from '../errors.js';
import type { StrategyName } from '../options/run-flags.js';

/** `orchestrate resume`: the session folder to open again and what its records say to run. */
export interface ResumeRun {
  sessionDir: string;
  only: ResumeOnly;
  plan: ResumePlan;
}

/** Strategies whose tasks stand alone, so the ones that did not succeed can run again by themselves. */
const RESUMABLE: readonly string[] = ['parallel', 'sequential', 'batch'];

/** Reads the plan; a session not run by parallel, sequential or batch is refused. */
export function resumeRun(
  sessionDir: string,
  only: ResumeOnly,
): { resume: ResumeRun; strategy: StrategyName } {
  let plan: ResumePlan;
  try {
    plan = readResumePlan(sessionDir, only);
  } catch (error) {
    if (error instanceof ResumeError) throw new CLIError(error.message, 'E_NOT_FOUND', 'resume');
    throw error;
  }
  const strategy = plan.start.patternName;
  if (!RESUMABLE.includes(strategy))
    throw usageError(
      `resume runs again sessions of parallel, sequential and batch; ${plan.start.sessionId} was run by "${strategy}": run it again instead`,
      'resume',
    );
  return { resume: { sessionDir, only, plan }, strategy: strategy as StrategyName };
}

/** The specs to run again, their redacted secrets taken from `env`. */
export function resumedSpecs(plan: ResumePlan, env: NodeJS.ProcessEnv): TaskSpec[] {
  return plan.tasks.map(({ spec }) => {
    if (!spec.env) return spec;
    const filled: Record<string, string> = {};
    for (const [name, value] of Object.entries(spec.env)) {
      if (value !== REDACTED) filled[name] = value;
      else if (env[name] !== undefined) filled[name] = env[name];
      else
        throw usageError(
          `task ${spec.id} ran with ${name} set; its value was not recorded (it looks secret): set ${name} in this environment and resume again`,
          'resume',
        );
    }
    return { ...spec, env: filled };
  });
}
