/**
 * One pattern command from flags to exit code: start the fake model if asked,
 * connect the backend (--backend), open a session named after the pattern, run
 * the pattern under Ctrl-C handling (with a dashboard beside it on
 * --dashboard), close the session, print the report (or the --json document).
 */
import type { Dashboard } from '../../dashboard/server.js';
import type { ExitCode } from '../errors.js';
import { resolveConfig, withPatternConfigDefaults } from '../config/resolve-config.js';
import { EXIT } from '../errors.js';
import { startRunDashboard } from '../dashboard/run-dashboard.js';
import { silentLogger, streamLogger } from '../../logging/logger.js';
import { runDashboardConfig, type RawDashboardRunFlags } from '../options/dashboard-flags.js';
import { takeCancelRequests } from '../run/cancel-requests.js';
import { Interrupts } from '../run/interrupts.js';
import { startMockBackend, type MockBackend } from '../run/mock-backend.js';
import { openBackend, type Backend } from '../run/open-backend.js';
import { checkWorktreeFolders } from '../run/worktree-check.js';
import { usageError } from '../errors.js';
import { callPattern } from './call-pattern.js';
import { normalizePatternFlags } from './pattern-config.js';
import type { PatternName, RawPatternFlags } from './pattern-flags.js';
import { patternReport } from './pattern-report.js';

/** The backend's own lines (Redis errors, a maxmemory-policy warning) go to stderr. */
const stderrLogger = streamLogger(process.stderr, 'WARNING');

export async function runPatternCommand(
  pattern: PatternName,
  prompt: string,
  raw: RawPatternFlags & RawDashboardRunFlags,
  extraArgs: string[],
): Promise<ExitCode> {
  const defaults = resolveConfig(raw.cwd ?? process.cwd(), process.env, pattern);
  const config = normalizePatternFlags(
    pattern,
    withPatternConfigDefaults(raw, defaults),
    extraArgs,
  );
  const dashboardConfig = runDashboardConfig(raw, pattern);
  if (prompt.trim() === '') throw usageError('give the task as the argument', pattern);
  // Worktrees are leased as steps start: a folder that cannot have them is one usage error first.
  if (config.worktree) await checkWorktreeFolders([config.cwd], config.worktree, pattern);
  let mock: MockBackend | null = null;
  let backend: Backend | null = null;
  let dashboard: Dashboard | null = null;
  const interrupts = new Interrupts({
    notice: (text) => process.stderr.write(`${text}\n`),
    beforeHardExit: () => mock?.removeHomeSync(),
  }).install();
  const started = Date.now();
  try {
    mock = config.mock ? await startMockBackend(config.mock.script, pattern) : null;
    backend = config.backend ? await openBackend(config.backend, stderrLogger) : null;
    const { OrchestratorSession } = await import('../../session/orchestrator-session.js');
    const session = new OrchestratorSession({
      ...(backend ? { backend } : {}),
      patternName: pattern,
      ...(config.name === undefined ? {} : { name: config.name }),
      workingDir: config.cwd,
      ...(config.logDir === undefined ? {} : { baseLogDir: config.logDir }),
      logger: silentLogger,
      // -j: one limiter for every step of the pattern.
      ...(config.maxWorkers === undefined ? {} : { maxWorkers: config.maxWorkers }),
      // The fake model's address belongs to this run, not to the recorded tasks.
      ...(mock ? { processDefaults: { env: mock.env }, simulatedCost: true } : {}),
    });
    const task = { ...config.task };
    const requests = takeCancelRequests(session, interrupts);
    let run;
    try {
      dashboard = await startRunDashboard(dashboardConfig, session, interrupts, (text) =>
        process.stderr.write(`${text}\n`),
      );
      run = await callPattern(config, raw, prompt, {
        session,
        task,
        signal: interrupts.signal,
        workspace: config.worktree ? 'worktree' : 'shared',
        ...(config.worktree ? { worktree: config.worktree } : {}),
        ...(config.maxWorkers === undefined ? {} : { maxWorkers: config.maxWorkers }),
        ...(config.promptsDir === undefined ? {} : { promptsDir: config.promptsDir }),
        streamOutput: config.stream,
        console: process.stderr,
      });
    } finally {
      requests?.close();
      await session.close(interrupts.received ? 'cancelled' : undefined);
      // After the session's last records, so the page shows how the run ended.
      await dashboard?.close();
    }
    const document = {
      pattern,
      ok: run.ok,
      sessionId: session.sessionId,
      sessionDir: session.sessionDir,
      durationMs: Date.now() - started,
      ...(mock ? { modelTurns: mock.modelTurns() } : {}),
      result: run.result,
    };
    if (config.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    else if (!config.quiet) process.stdout.write(`${patternReport(document)}\n`);
    if (interrupts.received) return EXIT.interrupted;
    return run.ok ? EXIT.ok : EXIT.failed;
  } finally {
    interrupts.uninstall();
    await backend?.close();
    await mock?.close();
  }
}
