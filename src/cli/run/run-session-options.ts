/**
 * The session a run command opens, from its flags: -j, the admission, the
 * budget, the backend and what every process starts from; a
 * new session, or the one `orchestrate resume` opens again.
 */
import { silentLogger } from '../../logging/logger.js';
import type { PriceTable } from '../../process/price-table.js';
import type { OrchestratorSession } from '../../session/orchestrator-session.js';
import type { Executor } from '../../tasks/executor.js';
import type { LimitConfig } from '../options/limit-flags.js';
import type { RunConfig } from '../options/normalize-run-flags.js';
import type { RunView } from '../render/view.js';
import type { MockBackend } from './mock-backend.js';
import type { PlannedProcess } from './plan.js';
import type { ResumeRun } from './resume-input.js';

export interface RunSessionParts {
  view: RunView;
  mock: MockBackend | null;
  prices: PriceTable | null;
  limits: LimitConfig;
  resume: ResumeRun | null;
  backend: Executor | null;
}

/** Opens the run's session: new, or resumed in its folder. */
export async function openRunSession(
  config: RunConfig,
  planned: PlannedProcess[],
  parts: RunSessionParts,
): Promise<OrchestratorSession> {
  const { OrchestratorSession } = await import('../../session/orchestrator-session.js');
  const { resume, mock } = parts;
  const options = sessionOptions(config, planned, parts);
  // A resumed session continues the agents' conversations, except on the mock (its HOME is gone).
  return resume
    ? OrchestratorSession.resume(resume.sessionDir, {
        ...options,
        only: resume.only,
        conversations: !mock,
      }).session
    : new OrchestratorSession({
        ...options,
        patternName: config.strategy,
        ...(config.name === undefined ? {} : { name: config.name }),
        ...(config.logDir === undefined ? {} : { baseLogDir: config.logDir }),
      });
}

/** What belongs to this run only; everything that shapes a task is in its spec. */
function sessionOptions(config: RunConfig, planned: PlannedProcess[], parts: RunSessionParts) {
  const { view, mock, prices, limits, resume, backend } = parts;
  const taskCount = resume ? resume.plan.tasks.length : planned.length;
  return {
    ...(backend ? { backend } : {}),
    workingDir: config.cwd,
    ...(config.models.length === 1 ? { model: config.models[0] } : {}),
    agent: config.agent,
    logger: silentLogger,
    // -j: one limiter for every task of the run.
    ...(config.maxWorkers === undefined ? {} : { maxWorkers: config.maxWorkers }),
    ...(prices ? { prices } : {}),
    ...(mock ? { simulatedCost: true } : {}),
    ...(limits.admission === false
      ? {}
      : {
          admission: {
            maxConcurrency: Math.max(1, taskCount),
            ...limits.admission,
          },
        }),
    ...(limits.budget ? { budget: limits.budget } : {}),
    processDefaults: {
      streamOutput: config.stream,
      console: view.streamSink,
      env: { ...mock?.env },
    },
  };
}
