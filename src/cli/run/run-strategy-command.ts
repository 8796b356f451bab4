/**
 * One run command from flags to exit code: check the flags and prompts, start
 * the fake model if asked, open a session, create the processes, run the
 * strategy under Ctrl-C handling while a view reads the session's events,
 * close the session, then print the report (or the --json document).
 */
import type { OrchestrateEvent } from '../../events/types.js';
import { streamLogger } from '../../logging/logger.js';
import type { Dashboard } from '../../dashboard/server.js';
import { EXIT, type ExitCode } from '../errors.js';
import {
  runDashboardConfig,
  type DashboardConfig,
  type RawDashboardRunFlags,
} from '../options/dashboard-flags.js';
import { resolveConfig, withConfigDefaults } from '../config/resolve-config.js';
import { normalizeRunFlags, type RunConfig } from '../options/normalize-run-flags.js';
import { normalizeLimitFlags, type RawLimitFlags } from '../options/limit-flags.js';
import { budgetLine } from '../../session/summarize-text.js';
import type { SessionSummary } from '../../session/summary-types.js';
import type { RawRunFlags, StrategyName } from '../options/run-flags.js';
import { collectTasks, readAllStdin } from '../prompts/collect-tasks.js';
import { paletteFor } from '../render/color.js';
import { humanReport } from '../render/report.js';
import { RunState } from '../render/run-state.js';
import { callStrategy, type StrategyRun } from './call-strategy.js';
import { chooseView } from './choose-view.js';
import { readPrices } from './read-prices.js';
import { dryRun } from './dry-run.js';
import { openBackend } from './open-backend.js';
import { serveRunMetrics } from './serve-run-metrics.js';
import { withClaudeFound } from './find-claude.js';
import { closingStatus, haltedStatus } from './closing-status.js';
import { openRunSession, type RunSessionParts } from './run-session-options.js';
import { HaltWatch } from './halt-watch.js';
import { writeResults } from './results-dir.js';
import { Interrupts } from './interrupts.js';
import { startRunDashboard } from '../dashboard/run-dashboard.js';
import { jsonReport } from './json-report.js';
import { JoblogFacts, writeJoblog } from './joblog.js';
import { startMockBackend, type MockBackend } from './mock-backend.js';
import { runOutcome } from './outcome.js';
import { checkWorktreeFolders } from './worktree-check.js';
import { planProcesses } from './plan.js';
import { taskSpecs } from './task-specs.js';
import { takeCancelRequests } from './cancel-requests.js';
import { resumedSpecs, type ResumeRun } from './resume-input.js';
import type { TaskSpec } from '../../tasks/task-spec.js';

/** The backend's own lines (Redis errors, a maxmemory-policy warning) go to stderr. */
const stderrLogger = streamLogger(process.stderr, 'WARNING');

export async function runStrategyCommand(
  strategy: StrategyName,
  prompts: string[],
  raw: RawRunFlags & RawDashboardRunFlags & RawLimitFlags,
  extraArgs: string[],
  /** `orchestrate resume`: the session to open again instead of the prompts. */
  resume: ResumeRun | null = null,
): Promise<ExitCode> {
  const defaults = resolveConfig(raw.cwd ?? process.cwd(), process.env, strategy);
  // Errors name the command typed: `resume` runs the session's strategy again.
  const command = resume ? 'resume' : strategy;
  const config = normalizeRunFlags(
    strategy,
    withConfigDefaults(strategy, raw, defaults),
    extraArgs,
    command,
  );
  const limits = normalizeLimitFlags(raw, command, config.maxWorkers);
  const dashboard = runDashboardConfig(raw, strategy);
  const planned = resume
    ? []
    : planProcesses(
        config,
        await collectTasks({
          args: prompts,
          promptsFile: config.promptsFile,
          readStdin: () => readAllStdin(),
          baseDir: config.cwd,
          command: strategy,
        }),
      );
  if (config.dryRun) {
    process.stdout.write(dryRun(config, planned));
    return EXIT.ok;
  }
  withClaudeFound(planned);
  const prices = await readPrices(config);
  const state = new RunState(strategy, []);
  state.simulatedCost = config.mock !== null;
  const view = await chooseView(config, state);
  let mock: MockBackend | null = null;
  const interrupts = new Interrupts({
    notice: (text) => view.notice(text),
    beforeHardExit: () => {
      view.stop();
      mock?.removeHomeSync();
    },
  }).install();
  try {
    mock = config.mock ? await startMockBackend(config.mock.script, strategy) : null;
    const parts = { state, view, interrupts, mock, dashboard, prices, limits, resume };
    return await runSession(config, planned, parts);
  } finally {
    view.stop();
    interrupts.uninstall();
    // The fake model stops last, once every claude that talked to it is gone.
    await mock?.close();
  }
}

interface RunParts extends Omit<RunSessionParts, 'backend'> {
  state: RunState;
  interrupts: Interrupts;
  dashboard: DashboardConfig | null;
}

async function runSession(
  config: RunConfig,
  planned: ReturnType<typeof planProcesses>,
  parts: RunParts,
): Promise<ExitCode> {
  const { state, view, interrupts } = parts;
  let dashboard: Dashboard | null = null;
  const metrics = config.metrics ? await serveRunMetrics(config.metrics) : null;
  const backend = config.backend ? await openBackend(config.backend, stderrLogger) : null;
  const started = Date.now();
  const { resume } = parts;
  const taskCount = resume ? resume.plan.tasks.length : planned.length;
  const session = await openRunSession(config, planned, { ...parts, backend });
  const halt =
    config.halt === null
      ? null
      : new HaltWatch(config.halt, taskCount, config.retries, (reason) => {
          view.notice(reason);
          interrupts.controller.abort(new Error(`halted by ${reason.split(':')[0]}`));
        });
  const joblog = config.joblog === undefined ? null : new JoblogFacts();
  const read = (event: OrchestrateEvent) => {
    state.apply(event);
    joblog?.read(event);
    halt?.read(event);
    metrics?.read(event);
    // A worker's pids are not ours to end.
    if (event.kind === 'process-start' && !backend) interrupts.started(event.processId, event.pid);
    if (event.kind === 'process-end') interrupts.ended(event.processId);
    view.event(event);
  };
  // A dashboard in another process (`orchestrate dashboard --allow-cancel`) may cancel.
  const requests = takeCancelRequests(session, interrupts);
  // The session-start record was made in the constructor: replay it, then listen.
  for (const event of session.events()) read(event);
  session.on('event', read);
  let specs: TaskSpec[] = [];
  let run: StrategyRun | undefined;
  let summary: SessionSummary | undefined;
  try {
    if (config.worktree) {
      const folders = planned.map((plan) => plan.workingDir ?? config.cwd);
      await checkWorktreeFolders(folders, config.worktree, config.strategy);
    }
    specs = resume ? resumedSpecs(resume.plan, process.env) : taskSpecs(config, planned);
    for (const spec of specs) {
      state.add(spec.id, spec.prompt, spec.agent, spec.label);
      joblog?.plan(spec.id, spec.prompt);
    }
    dashboard = await startRunDashboard(parts.dashboard, session, interrupts, (text) =>
      view.notice(text),
    );
    run = await callStrategy(config, specs, interrupts.signal, session.executor, session.gate);
  } finally {
    // Closed whatever happened, so the folder always gets its summary.
    const halted = halt?.reason ? haltedStatus(config, run) : undefined;
    const overBudget = session.gate?.budgetReached ? 'failed' : undefined;
    summary = await session.close(
      halted ?? overBudget ?? closingStatus(config.strategy, interrupts.received !== null, run),
    );
    requests?.close();
    state.finish();
    await dashboard?.close();
    await backend?.close();
    await metrics?.close();
  }
  view.stop();
  // The results still go to stdout below; the lost files are named here.
  for (const problem of session.writeProblems()) process.stderr.write(`warning: ${problem}\n`);
  const outcome = runOutcome({
    strategy: config.strategy,
    results: run!.results,
    final: run!.final,
    processIds: specs.map((spec) => spec.id),
    interrupted: interrupts.received !== null,
    ...(interrupts.exitCode === null ? {} : { interruptedExitCode: interrupts.exitCode }),
    sessionId: session.sessionId,
    sessionDir: session.sessionDir,
    durationMs: Date.now() - started,
    agentRetries: state.agentRetries(),
    failOnDenied: config.failOnDenied,
    name: config.name ?? null,
    simulatedCost: config.mock !== null,
    labels: Object.fromEntries(
      specs.flatMap((spec) => (spec.label === undefined ? [] : [[spec.id, spec.label]])),
    ),
    ...(halt?.reason ? { halted: haltedStatus(config, run) } : {}),
  });
  if (config.json) process.stdout.write(jsonReport(outcome));
  else if (!config.quiet) {
    process.stdout.write(
      humanReport(outcome, { outputs: !config.stream, palette: paletteFor(process.stdout) }),
    );
    if (summary?.budget) process.stdout.write(`${budgetLine(summary.budget)}\n`);
  }
  if (config.joblog !== undefined && joblog) writeJoblog(config.joblog, outcome.results, joblog);
  if (config.results !== undefined)
    writeResults(
      config.results,
      outcome.results,
      (result) => outcome.labels[result.processId] ?? result.processId,
    );
  return outcome.exitCode;
}
