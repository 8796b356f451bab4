/**
 * Folds the event stream into a SessionSummary. The live session feeds it each
 * record as it happens; reading a folder back replays events.jsonl through the
 * same fold, so a summary means the same thing either way.
 */
import type { OrchestrateEvent, SessionStatus } from '../events/types.js';
import type { TokenUsage } from '../process/result.js';
import type {
  ProcessSummary,
  SessionBudget,
  SessionSummary,
  SessionTotals,
} from './summary-types.js';

export const ZERO_USAGE: TokenUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 0,
};

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheCreationInputTokens: a.cacheCreationInputTokens + b.cacheCreationInputTokens,
    cacheReadInputTokens: a.cacheReadInputTokens + b.cacheReadInputTokens,
  };
}

export class SummaryBuilder {
  private readonly processes = new Map<string, ProcessSummary>();
  private session = {
    sessionId: '',
    patternName: '',
    name: null as string | null,
    workingDir: '',
    sessionDir: '',
    model: null as string | null,
  };
  private startedAt: string | null = null;
  private endedAt: string | null = null;
  private endStatus: SessionStatus | null = null;
  private retries = 0;
  private rateLimitedRuns = 0;
  private budget: SessionBudget | null = null;

  /** Lists a process before it runs, so one that never runs shows as `not_run`. */
  declare(processId: string): void {
    if (!this.processes.has(processId)) this.processes.set(processId, blank(processId));
  }

  apply(event: OrchestrateEvent): void {
    switch (event.kind) {
      case 'session-start':
        this.session = {
          sessionId: event.sessionId,
          patternName: event.patternName,
          name: event.name ?? null,
          workingDir: event.workingDir,
          sessionDir: event.sessionDir,
          model: event.model,
        };
        this.startedAt = event.at;
        return;
      case 'session-end':
        this.endedAt = event.at;
        this.endStatus = event.status;
        return;
      case 'process-start': {
        const entry = this.entry(event.processId);
        entry.status = 'running';
        entry.agent = event.agent ?? entry.agent;
        entry.tries = Math.max(entry.tries, event.attempt);
        return;
      }
      case 'retry':
        if (event.rateLimited) this.rateLimitedRuns++;
        else this.retries++;
        return;
      case 'limit':
        if (event.action === 'budget')
          this.budget = {
            maxCostUsd: event.maxCostUsd,
            maxCostPerProcessUsd: event.maxCostPerProcessUsd,
            spentUsd: 0,
            reached: false,
          };
        else if (event.action === 'budget-reached' && this.budget) this.budget.reached = true;
        return;
      case 'agent-retry':
        this.entry(event.processId).agentRetries++;
        return;
      case 'process-end': {
        const entry = this.entry(event.processId);
        Object.assign(entry, {
          status: event.status,
          exitCode: event.exitCode,
          durationMs: event.durationMs,
          numTurns: event.numTurns,
          model: event.model ?? entry.model,
          apiErrorStatus: event.apiErrorStatus,
          permissionDenials: event.permissionDenials?.length ?? 0,
          tries: Math.max(entry.tries, event.attempt),
          message: event.message,
          logFile: event.logFile,
        });
        if (event.costUsd !== null) entry.costUsd = (entry.costUsd ?? 0) + event.costUsd;
        if (event.usage) entry.usage = addUsage(entry.usage ?? ZERO_USAGE, event.usage);
        return;
      }
      case 'artifacts': {
        const { kind: _kind, at: _at, sessionId: _id, seq: _seq, processId, ...artifacts } = event;
        this.entry(processId).artifacts = artifacts;
        return;
      }
      case 'task': {
        const entry = this.entry(event.processId);
        if (event.spec.label !== undefined) entry.label = event.spec.label;
        entry.prompt = promptExcerpt(event.spec.prompt);
        return;
      }
      case 'step':
        this.entry(event.processId).step = {
          step: event.step,
          round: event.round,
          role: event.role,
        };
        return;
      default:
        return;
    }
  }

  summary(now: Date = new Date()): SessionSummary {
    const processes = [...this.processes.values()].map((entry) => ({ ...entry }));
    const totals = totalsOf(processes, this.retries);
    if (this.rateLimitedRuns > 0) totals.rateLimitedRuns = this.rateLimitedRuns;
    const startedAt = this.startedAt ?? now.toISOString();
    const end = this.endedAt ? Date.parse(this.endedAt) : now.getTime();
    return {
      ...this.session,
      status: this.endStatus ?? 'incomplete',
      startedAt,
      endedAt: this.endedAt,
      durationMs: Math.max(0, end - Date.parse(startedAt)),
      processes,
      totals,
      ...(this.budget ? { budget: { ...this.budget, spentUsd: totals.costUsd } } : {}),
    };
  }

  /** The status a session ends with when its caller names none. */
  derivedStatus(): SessionStatus {
    return deriveStatus(totalsOf([...this.processes.values()], this.retries));
  }

  private entry(processId: string): ProcessSummary {
    this.declare(processId);
    return this.processes.get(processId)!;
  }
}

/** Cancelled if any process was; succeeded if every process that ran succeeded; else failed. */
export function deriveStatus(totals: SessionTotals): SessionStatus {
  if (totals.cancelled > 0) return 'cancelled';
  const ran = totals.processes - totals.notRun;
  return totals.succeeded === ran ? 'succeeded' : 'failed';
}

function totalsOf(processes: ProcessSummary[], retries: number): SessionTotals {
  const count = (status: string) => processes.filter((p) => p.status === status).length;
  return {
    processes: processes.length,
    succeeded: count('succeeded'),
    failed: count('failed'),
    timedOut: count('timed_out'),
    cancelled: count('cancelled'),
    spawnErrors: count('spawn_error'),
    skipped: count('skipped'),
    notRun: count('not_run'),
    running: count('running'),
    retries,
    agentRetries: processes.reduce((sum, p) => sum + (p.agentRetries ?? 0), 0),
    permissionDenials: processes.reduce((sum, p) => sum + (p.permissionDenials ?? 0), 0),
    costUsd: processes.reduce((sum, p) => sum + (p.costUsd ?? 0), 0),
    usage: processes.reduce((sum, p) => (p.usage ? addUsage(sum, p.usage) : sum), ZERO_USAGE),
  };
}

function blank(processId: string): ProcessSummary {
  return {
    processId,
    agent: null,
    status: 'not_run',
    exitCode: null,
    durationMs: null,
    costUsd: null,
    usage: null,
    numTurns: null,
    model: null,
    apiErrorStatus: null,
    tries: 0,
    agentRetries: 0,
    permissionDenials: 0,
    message: null,
    logFile: null,
  };
}

/** The first line of a prompt, at most 100 characters (an ellipsis marks a cut). */
export function promptExcerpt(prompt: string): string {
  const lines = prompt.trim().split('\n');
  const line = lines[0]!.trimEnd();
  if (line.length > 100) return `${line.slice(0, 99)}…`;
  return lines.length > 1 ? `${line} …` : line;
}
