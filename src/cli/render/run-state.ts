/**
 * The state of a run as the views see it, folded from the session's event
 * stream: each process's phase, try, elapsed time, tokens and cost, and the
 * totals. Pure: `apply(event)` changes it, the views only read it.
 */
import { agentRetryText } from '../../events/agent-retry-text.js';
import type { OrchestrateEvent } from '../../events/types.js';
import { denialText } from '../../process/format.js';
import type { ProcessStatus, TokenUsage } from '../../process/result.js';

/** `not_run`: the run ended before this process started (a fallback that succeeded early, --stop-on-failure). */
export type Phase = 'pending' | 'running' | 'retrying' | 'not_run' | ProcessStatus;

export interface ProcessView {
  processId: string;
  /** The task's label, if it has one. */
  label: string | null;
  /** The agent that runs it, once known. */
  agent: string | null;
  prompt: string;
  phase: Phase;
  attempt: number;
  /** Epoch ms when the current try started, or null before the first. */
  startedAt: number | null;
  /** Duration of the last finished try. */
  durationMs: number | null;
  /** Tokens of the finished tries plus the running one. */
  usage: TokenUsage;
  hasUsage: boolean;
  /** Cost of the finished tries (the agent reports it at the end of each). */
  costUsd: number | null;
  /** What the agent did last, or the result's message once ended. */
  note: string | null;
  retryAt: number | null;
  /** The agent's own API retries, over every try. */
  agentRetries: number;
  /** Tool calls refused in the last try, as `Write(notes.md)`. */
  denied: string[];
}

const ZERO: TokenUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 0,
};

const addUsage = (a: TokenUsage, b: TokenUsage): TokenUsage => ({
  inputTokens: a.inputTokens + b.inputTokens,
  outputTokens: a.outputTokens + b.outputTokens,
  cacheCreationInputTokens: a.cacheCreationInputTokens + b.cacheCreationInputTokens,
  cacheReadInputTokens: a.cacheReadInputTokens + b.cacheReadInputTokens,
});

export class RunState {
  readonly processes = new Map<string, ProcessView>();
  sessionId: string | null = null;
  /** What admission or the budget is doing now: "paused until 14:05 (five_hour limit)", or null. */
  limitNote: string | null = null;
  sessionDir: string | null = null;
  startedAt = Date.now();
  endedAt: number | null = null;
  /** Usage of finished tries, per process, so a running try's figures add on top. */
  private readonly settled = new Map<string, TokenUsage>();

  /** Costs come from the mock model (--mock-model): shown as simulated. */
  simulatedCost = false;

  constructor(
    readonly strategy: string,
    tasks: Array<{ processId: string; prompt: string }>,
  ) {
    for (const { processId, prompt } of tasks) this.add(processId, prompt);
  }

  /** A process the run will start (shown as pending until it does). */
  add(processId: string, prompt: string, agent: string | null = null, label?: string): void {
    const view = this.processes.get(processId);
    const named = label === undefined ? {} : { label };
    if (view) Object.assign(view, { prompt, agent: agent ?? view.agent, ...named });
    else this.processes.set(processId, { ...blank(processId, prompt), agent, ...named });
  }

  apply(event: OrchestrateEvent): void {
    if (event.kind === 'session-start') {
      this.sessionId = event.sessionId;
      this.sessionDir = event.sessionDir;
      this.startedAt = Date.parse(event.at);
      return;
    }
    if (event.kind === 'session-end') {
      this.endedAt = Date.parse(event.at);
      return;
    }
    if (event.kind === 'log' || event.kind === 'verdict') return;
    if (event.kind === 'limit') {
      if (event.action === 'pause' || event.action === 'budget-reached')
        this.limitNote = event.message;
      else if (event.action === 'resume') this.limitNote = null;
      return;
    }
    const view = this.view(event.processId);
    const at = Date.parse(event.at);
    if (event.kind === 'task') {
      // The prompt it was given (under --pass-output, with the earlier outputs): the joblog shows it.
      view.prompt = event.spec.prompt;
    } else if (event.kind === 'process-start') {
      Object.assign(view, {
        phase: 'running',
        agent: event.agent ?? view.agent,
        attempt: event.attempt,
        startedAt: at,
        note: null,
        retryAt: null,
      });
    } else if (event.kind === 'process-activity') {
      view.usage = addUsage(this.settled.get(view.processId) ?? ZERO, {
        inputTokens: event.inputTokens,
        outputTokens: event.outputTokens,
        cacheCreationInputTokens: event.cacheCreationInputTokens,
        cacheReadInputTokens: event.cacheReadInputTokens,
      });
      view.hasUsage = true;
      if (event.activity) view.note = event.activity;
    } else if (event.kind === 'agent-retry') {
      view.agentRetries++;
      view.note = agentRetryText(event);
    } else if (event.kind === 'retry') {
      Object.assign(view, {
        phase: 'retrying',
        attempt: event.attempt,
        retryAt: at + event.delayMs,
        note: event.reason,
      });
    } else if (event.kind === 'process-end') {
      const settled = addUsage(this.settled.get(view.processId) ?? ZERO, event.usage ?? ZERO);
      this.settled.set(view.processId, settled);
      view.usage = settled;
      view.hasUsage ||= event.usage !== null;
      if (event.costUsd !== null) view.costUsd = (view.costUsd ?? 0) + event.costUsd;
      view.denied = (event.permissionDenials ?? []).map(denialText);
      Object.assign(view, {
        phase: event.status,
        attempt: event.attempt,
        durationMs: event.durationMs,
        note: event.message,
      });
    }
  }

  /** The run is over: whatever never started will not. */
  finish(): void {
    for (const view of this.processes.values())
      if (view.phase === 'pending') view.phase = 'not_run';
  }

  /** Processes per phase, for the totals line. */
  counts(): Map<Phase, number> {
    const counts = new Map<Phase, number>();
    for (const view of this.processes.values())
      counts.set(view.phase, (counts.get(view.phase) ?? 0) + 1);
    return counts;
  }

  totalUsage(): TokenUsage | null {
    const views = [...this.processes.values()].filter((v) => v.hasUsage);
    return views.length === 0 ? null : views.reduce((sum, v) => addUsage(sum, v.usage), ZERO);
  }

  /** The agents' own API retries, over every process. */
  agentRetries(): number {
    let n = 0;
    for (const view of this.processes.values()) n += view.agentRetries;
    return n;
  }

  totalCost(): number | null {
    const costs = [...this.processes.values()]
      .map((v) => v.costUsd)
      .filter((c): c is number => c !== null);
    return costs.length === 0 ? null : costs.reduce((a, b) => a + b, 0);
  }

  private view(processId: string): ProcessView {
    let view = this.processes.get(processId);
    if (!view) {
      view = blank(processId, '');
      this.processes.set(processId, view);
    }
    return view;
  }
}

function blank(processId: string, prompt: string): ProcessView {
  return {
    processId,
    label: null,
    agent: null,
    prompt,
    phase: 'pending',
    attempt: 1,
    startedAt: null,
    durationMs: null,
    usage: ZERO,
    hasUsage: false,
    costUsd: null,
    note: null,
    retryAt: null,
    agentRetries: 0,
    denied: [],
  };
}
