/**
 * Folds the event stream into a SessionSummary. The live session feeds it each
 * record as it happens; reading a folder back replays events.jsonl through the
 * same fold, so a summary means the same thing either way.
 *
 * With `keepFinished`, memory is O(unfinished): past that many finished
 * entries, the oldest go to a SettledProcesses file, their part of the totals
 * is kept as a sum, and they are read back when the summary is made (or when
 * a later record changes one: a retry brings it back).
 */
import type { OrchestrateEvent, SessionStatus } from '../events/types.js';
import { SettledProcesses, type Settled } from './settled-processes.js';
import type {
  ProcessSummary,
  SessionBudget,
  SessionSummary,
  SessionTotals,
} from './summary-types.js';
import { addTotals, addUsage, deriveStatus, totalsOf, ZERO_USAGE } from './summary-totals.js';

export interface SummaryBuilderOptions {
  /** Finished entries kept in memory; older ones are settled to a file. Default: all. */
  keepFinished?: number;
  /** True for an id the session has seen: one missing from memory was settled. */
  known?: (processId: string) => boolean;
}

export class SummaryBuilder {
  /** The entries in memory: every one not finished, and the latest finished ones. */
  private readonly processes = new Map<string, Settled>();
  /** Finished entries in memory, oldest first: the next to settle. */
  private readonly finished = new Set<string>();
  private readonly settled = new SettledProcesses();
  /** The settled entries' part of the totals. */
  private settledTotals: SessionTotals | null = null;
  private order = 0;
  private keepFinished: number;
  private readonly known: (processId: string) => boolean;
  private session = {
    sessionId: '',
    patternName: '',
    name: null as string | null,
    workingDir: '',
    sessionDir: '',
    model: null as string | null,
  };
  private startedAt: string | null = null;
  private simulatedCost = false;
  private endedAt: string | null = null;
  private endStatus: SessionStatus | null = null;
  private retries = 0;
  private rateLimitedRuns = 0;
  private budget: SessionBudget | null = null;

  constructor(options: SummaryBuilderOptions = {}) {
    this.keepFinished = options.keepFinished ?? Infinity;
    this.known = options.known ?? (() => false);
  }

  /** Lists a process before it runs, so one that never runs shows as `not_run`. */
  declare(processId: string): void {
    if (!this.processes.has(processId)) {
      this.processes.set(processId, { order: this.order++, entry: blank(processId) });
    }
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
        this.simulatedCost = event.simulatedCost === true;
        return;
      case 'session-end':
        this.endedAt = event.at;
        this.endStatus = event.status;
        return;
      case 'process-start': {
        const entry = this.entry(event.processId);
        this.finished.delete(event.processId);
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
        this.finished.delete(event.processId);
        this.finished.add(event.processId);
        this.settleOldest();
        return;
      }
      case 'artifacts': {
        const { kind: _kind, at: _at, sessionId: _id, seq: _seq, processId, ...artifacts } = event;
        this.amend(processId, { artifacts });
        return;
      }
      case 'task': {
        const entry = this.entry(event.processId);
        if (event.spec.label !== undefined) entry.label = event.spec.label;
        entry.prompt = promptExcerpt(event.spec.prompt);
        return;
      }
      case 'step':
        this.amend(event.processId, {
          step: { step: event.step, round: event.round, role: event.role },
        });
        return;
      default:
        return;
    }
  }

  summary(now: Date = new Date()): SessionSummary {
    const all = this.settledTotals ? this.settled.all() : new Map<string, Settled>();
    for (const [id, settled] of this.processes) all.set(id, settled);
    const processes = [...all.values()]
      .sort((a, b) => a.order - b.order)
      .map(({ entry }) => ({ ...entry }));
    const totals = this.totals();
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
      ...(this.simulatedCost ? { simulatedCost: true as const } : {}),
    };
  }

  /** The totals alone: no settled entry is read back. */
  totals(): SessionTotals {
    const inMemory = totalsOf(
      [...this.processes.values()].map(({ entry }) => entry),
      this.retries,
    );
    return this.settledTotals ? addTotals(this.settledTotals, inMemory) : inMemory;
  }

  /** The status a session ends with when its caller names none. */
  derivedStatus(): SessionStatus {
    return deriveStatus(this.totals());
  }

  /** Closes the settled entries' file: make the last summary first. */
  close(): void {
    this.settled.close();
  }

  private entry(processId: string): ProcessSummary {
    const settled = this.processes.has(processId) ? undefined : this.bringBack(processId);
    if (settled) this.processes.set(processId, settled);
    this.declare(processId);
    return this.processes.get(processId)!.entry;
  }

  /** A later record for a settled entry: back to memory, out of the settled totals. */
  private bringBack(processId: string): Settled | undefined {
    if (!this.settledTotals || !this.known(processId)) return undefined;
    const settled = this.settled.find(processId);
    if (settled)
      this.settledTotals = addTotals(this.settledTotals, totalsOf([settled.entry], 0), -1);
    return settled;
  }

  /** Artifacts and steps change no total: a settled entry takes them where it is. */
  private amend(processId: string, patch: Pick<ProcessSummary, 'artifacts' | 'step'>): void {
    if (this.processes.has(processId) || !this.settledTotals || !this.known(processId)) {
      Object.assign(this.entry(processId), patch);
      return;
    }
    if (!this.settled.amend(processId, patch)) Object.assign(this.entry(processId), patch);
  }

  private settleOldest(): void {
    while (this.finished.size > this.keepFinished) {
      const [processId] = this.finished;
      const settled = this.processes.get(processId!)!;
      if (!this.settled.put(settled)) {
        this.keepFinished = Infinity; // the file failed: memory it is
        return;
      }
      this.finished.delete(processId!);
      this.processes.delete(processId!);
      const part = totalsOf([settled.entry], 0);
      this.settledTotals = this.settledTotals ? addTotals(this.settledTotals, part) : part;
    }
  }
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
