/**
 * Runs the REAL codex or gemini binary against the mock model through the
 * agent-neutral AgentProcess: one server per test file, a throwaway HOME,
 * a fresh working folder per run, and the environment that joins them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { silentLogger } from '../../src/logging/logger.js';
import {
  AGENT_ENV_DROPPED,
  mockAgentsEnv,
  type MockAgentsEnvOptions,
} from '../../src/mock-model/agents-env.js';
import {
  startMockModel,
  type MockModel,
  type MockScriptInput,
} from '../../src/mock-model/index.js';
import type { AgentDriver } from '../../src/process/agent-driver.js';
import { AgentProcess } from '../../src/process/agent-process.js';
import type { OrchestrateEvent } from '../../src/events/types.js';
import type { AdmissionOptions } from '../../src/admission/options.js';
import { OrchestratorSession } from '../../src/session/orchestrator-session.js';
import { runSequential } from '../../src/strategies/run-sequential.js';
import type { AgentProcessOptions } from '../../src/process/options.js';
import type { ProcessResult } from '../../src/process/result.js';
import { repoRoot, tempDir } from './fixtures.js';

export function installedBin(name: 'codex' | 'gemini'): string {
  return join(repoRoot, 'node_modules', '.bin', name);
}

export interface MockAgents {
  model: MockModel;
  env: Record<string, string | undefined>;
  /** Runs one prompt in a fresh folder; the folder stays until close(). */
  run(
    driver: AgentDriver,
    prompt: string,
    options?: Partial<AgentProcessOptions>,
  ): Promise<{ result: ProcessResult; cwd: string; events: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

export async function startMockAgents(
  script: MockScriptInput,
  options: MockAgentsEnvOptions = {},
): Promise<MockAgents> {
  const model = await startMockModel({ script });
  const home = tempDir('orchestrate-agents-home-');
  const dirs = [home];
  const env: Record<string, string | undefined> = {};
  for (const key of Object.keys(process.env)) if (AGENT_ENV_DROPPED.test(key)) env[key] = undefined;
  Object.assign(env, mockAgentsEnv(model.url, home.path, options));
  // gemini writes a report file to the temp folder for each API error: keep them in the throwaway home.
  env.TMPDIR = join(home.path, 'tmp');
  mkdirSync(env.TMPDIR);
  let runs = 0;
  return {
    model,
    env,
    async run(driver, prompt, options = {}) {
      const work = tempDir(`orchestrate-${driver.name}-cwd-`);
      dirs.push(work);
      const events: Record<string, unknown>[] = [];
      const child = new AgentProcess(driver, {
        prompt,
        processId: `${driver.name}-${++runs}`,
        workingDir: work.path,
        logDir: join(home.path, 'logs'),
        command: installedBin(driver.name as 'codex' | 'gemini'),
        env,
        streamOutput: false,
        logger: silentLogger,
        timeoutMs: 120_000,
        ...options,
      });
      child.on('agent-event', (event) => events.push(event));
      const result = await child.run();
      return { result, cwd: work.path, events };
    },
    async close() {
      await model.close();
      for (const dir of dirs) dir.cleanup();
    },
  };
}

/**
 * Runs one prompt after another as `agent` specs in a session with admission,
 * against the mock: the results, and every record the session made.
 */
export async function runInSession(
  agents: MockAgents,
  agent: 'codex' | 'gemini',
  prompts: string[],
  admission: AdmissionOptions,
): Promise<{ results: ProcessResult[]; events: OrchestrateEvent[] }> {
  const work = tempDir(`orchestrate-${agent}-session-`);
  const session = new OrchestratorSession({
    patternName: `${agent}-session`,
    workingDir: work.path,
    logger: silentLogger,
    admission,
    processDefaults: { env: agents.env, streamOutput: false },
  });
  const events: OrchestrateEvent[] = [];
  session.on('event', (event) => events.push(event));
  const specs = prompts.map((prompt, i) => ({
    id: `${agent}-${i + 1}`,
    agent,
    prompt,
    command: installedBin(agent),
  }));
  const results = await runSequential(specs, { executor: session.executor, gate: session.gate });
  await session.close();
  work.cleanup();
  return { results, events };
}
