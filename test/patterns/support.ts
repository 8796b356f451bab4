/** A temp repository, the mock model and a session, for running patterns end to end. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  mockModelEnv,
  startMockModel,
  type MockModel,
  type MockScriptInput,
} from '../../src/mock-model/index.js';
import { silentLogger } from '../../src/logging/logger.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import type { TaskDefaults } from '../../src/patterns/context.js';
import { claudeBin } from '../helpers/mock-claude.js';
import { makeRepo, type TempRepo } from '../workspaces/support.js';

export interface PatternBench {
  repo: TempRepo;
  model: MockModel;
  session: OrchestratorSession;
  /** Task defaults that run the real claude against the mock model. */
  task: TaskDefaults;
  /** Model turns the mock answered (text or tool use), one or more per agent run. */
  modelTurns(): number;
  cleanup(): Promise<void>;
}

export async function patternBench(
  pattern: string,
  script: MockScriptInput,
): Promise<PatternBench> {
  const repo = makeRepo();
  const model = await startMockModel({ script });
  const home = mkdtempSync(join(tmpdir(), 'orchestrate-pattern-home-'));
  const session = new OrchestratorSession({
    patternName: pattern,
    workingDir: repo.root,
    baseLogDir: join(repo.sessionDir, 'logs'),
    logger: silentLogger,
  });
  return {
    repo,
    model,
    session,
    task: {
      agent: 'claude',
      command: claudeBin,
      env: mockModelEnv(model.url, home),
      args: ['--allowedTools', 'Write'],
    },
    modelTurns: () =>
      model.requests.filter((r) => r.answer === 'text' || r.answer === 'toolUse').length,
    async cleanup() {
      await session.close();
      await model.close();
      rmSync(home, { recursive: true, force: true });
      repo.cleanup();
    },
  };
}
