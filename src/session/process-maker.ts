/**
 * How a session makes process objects: its defaults (working dir, log dir,
 * model, agent, `processDefaults`) under the caller's options, a free id, and
 * the ORCHESTRATE_* variables that tell each process its place in the run.
 */
import { createAgentProcess } from '../agents/create-agent-process.js';
import { silentLogger } from '../logging/logger.js';
import type { AgentDriver } from '../process/agent-driver.js';
import { AgentProcess } from '../process/agent-process.js';
import type { AgentProcessOptions } from '../process/options.js';
import { describeValue } from '../process/validate.js';
import type { NormalizedSessionOptions, SessionProcessOptions } from './options.js';

export interface MakerParts {
  sessionId: string;
  workingDir: string;
  processLogDir: string;
  options: NormalizedSessionOptions;
  /** A free id for the process (the given one, checked, or the next automatic one). */
  freeId(processId: string | undefined): string;
  track<T extends AgentProcess>(process: T): T;
}

export class ProcessMaker {
  /** Tasks told their place so far: the next one's ORCHESTRATE_SEQ minus one. */
  private told = 0;

  constructor(private readonly parts: MakerParts) {}

  /** A process of a registered agent with the session's defaults, tracked. */
  createProcess(
    prompt: string,
    processId: string | undefined,
    options: Partial<SessionProcessOptions>,
  ): AgentProcess {
    const { options: session } = this.parts;
    const base = this.base(prompt, processId);
    const defaults = session.processDefaults;
    // An option given as undefined leaves the session's default in place.
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    const { agent, model, promptVia, args, ...rest } = { ...defaults, ...given };
    const made = createAgentProcess(
      agent ?? session.agent,
      { model: model ?? session.model, promptVia, args },
      {
        ...base,
        ...rest,
        env: { ...defaults.env, ...options.env, ...this.identity(base.processId) },
        prompt,
        processId: base.processId,
      },
    );
    return this.parts.track(made);
  }

  /** A process on `driver` with the session's defaults (but its model), tracked. */
  createDriverProcess(
    driver: AgentDriver,
    prompt: string,
    processId: string | undefined,
    options: Partial<AgentProcessOptions>,
  ): AgentProcess {
    const base = this.base(prompt, processId);
    const {
      model: _model,
      agent: _agent,
      promptVia: _via,
      args: _args,
      ...defaults
    } = this.parts.options.processDefaults;
    const made = new AgentProcess(driver, {
      ...base,
      ...defaults,
      ...options,
      env: { ...defaults.env, ...options.env, ...this.identity(base.processId) },
      prompt,
      processId: base.processId,
    });
    return this.parts.track(made);
  }

  /** What every task the session runs is told about its place in the run. */
  identity(processId: string): Record<string, string> {
    return {
      ORCHESTRATE_SESSION_ID: this.parts.sessionId,
      ORCHESTRATE_PROCESS_ID: processId,
      ORCHESTRATE_SEQ: String(++this.told),
    };
  }

  /** The checked prompt, a free id, and the session's folders for a new process. */
  private base(prompt: string, processId: string | undefined) {
    if (typeof prompt !== 'string')
      throw new TypeError(`Expected \`prompt\` to be a string, got ${describeValue(prompt)}`);
    return {
      workingDir: this.parts.workingDir,
      logDir: this.parts.processLogDir,
      logger: silentLogger,
      processId: this.parts.freeId(processId),
    };
  }
}
