/**
 * One session folded from its records, as the page shows it: each process's
 * state (queued until it starts), tries, tokens, cost, last line, pattern
 * step and worktree artifacts; the pattern's verdict; and the cost and tokens
 * over time for the plots. Records arrive in seq order; apply() takes each once.
 */
import { newProcessView, type ProcessView } from './process-state.js';
import {
  tokensOf,
  type ActivityRecord,
  type ArtifactsRecord,
  type BaseRecord,
  type EndRecord,
  type RetryRecord,
  type SessionEndRecord,
  type StartRecord,
  type StepRecord,
  type TaskRecord,
  type VerdictRecord,
} from './records.js';
import { push, type Series } from './series.js';

export type { ProcessView, Try } from './process-state.js';

export class SessionState {
  readonly processes = new Map<string, ProcessView>();
  started: number | null = null;
  ended: number | null = null;
  status = 'running';
  patternName = '';
  /** The run's model was the mock: its costs are simulated. */
  simulatedCost = false;
  /** What the pattern decided, once it has. */
  verdict: { chosen: string | null; message: string } | null = null;
  /** Records applied: equals the last seq when none was missed or repeated. */
  applied = 0;
  lastSeq = 0;
  costSeries: Series = [[], []];
  tokenSeries: Series = [[], []];
  private cost = 0;
  private tokens = 0;

  apply(record: BaseRecord | null): void {
    this.applied += 1;
    if (!record) return;
    this.lastSeq = record.seq;
    const at = Date.parse(record.at);
    switch (record.kind) {
      case 'session-start':
        this.started = at;
        push(this.costSeries, at, 0);
        push(this.tokenSeries, at, 0);
        this.patternName = String(record.patternName ?? '');
        this.simulatedCost = record.simulatedCost === true;
        break;
      case 'session-end':
        this.ended = at;
        this.status = (record as SessionEndRecord).status;
        break;
      case 'queued':
      case 'task':
        this.task(record as TaskRecord, at);
        break;
      case 'step': {
        const { step, round, role, processId } = record as StepRecord;
        this.view(processId, at).step = { step, round, role };
        break;
      }
      case 'artifacts':
        this.view((record as ArtifactsRecord).processId, at).artifacts = record as ArtifactsRecord;
        break;
      case 'verdict': {
        const { chosen, message } = record as VerdictRecord;
        this.verdict = { chosen, message };
        break;
      }
      case 'process-start':
        this.start(record as StartRecord, at);
        break;
      case 'process-activity':
        this.activity(record as ActivityRecord, at);
        break;
      case 'retry':
        this.retry(record as RetryRecord, at);
        break;
      case 'process-end':
        this.end(record as EndRecord, at);
        break;
    }
  }

  private view(id: string, at: number): ProcessView {
    let found = this.processes.get(id);
    if (!found) {
      found = newProcessView(id, at);
      this.processes.set(id, found);
    }
    return found;
  }

  private task(record: TaskRecord, at: number): void {
    const p = this.view(record.processId, at);
    const label = record.label ?? record.spec?.label;
    const agent = record.agent ?? record.spec?.agent;
    if (label) p.label = label;
    if (agent && !p.agent) p.agent = agent;
  }

  private start(record: StartRecord, at: number): void {
    const p = this.view(record.processId, at);
    p.agent =
      record.agent ?? (record.command.split('/').pop() ?? record.command).replace(/\.exe$/, '');
    const model = record.args.indexOf('--model');
    if (model !== -1) p.model = record.args[model + 1] ?? null;
    p.phase = 'running';
    p.rateLimited = false;
    p.lastHeard = at;
    p.tries.push({ attempt: record.attempt, start: at, end: null, status: null });
  }

  private activity(record: ActivityRecord, at: number): void {
    const p = this.view(record.processId, at);
    p.lastHeard = at;
    if (record.activity) p.lastLine = record.activity;
    this.addTokens(p, p.endedTokens + tokensOf(record), at);
  }

  private retry(record: RetryRecord, at: number): void {
    const p = this.view(record.processId, at);
    p.phase = 'retrying';
    p.rateLimited = record.previousApiErrorStatus === 429 || record.rateLimited === true;
    p.lastHeard = at;
    p.lastLine = `retrying in ${Math.round(record.delayMs / 100) / 10} s: ${record.reason}`;
  }

  private end(record: EndRecord, at: number): void {
    const p = this.view(record.processId, at);
    const current = p.tries.find((t) => t.attempt === record.attempt && t.end === null);
    if (current) {
      current.end = at;
      current.status = record.status;
    }
    p.phase = 'ended';
    p.status = record.status;
    p.end = record;
    p.lastHeard = at;
    if (record.model) p.model = record.model;
    const line = record.outputExcerpt.trim().split('\n').pop();
    p.lastLine = line || record.message;
    p.endedTokens += tokensOf(record.usage);
    this.addTokens(p, Math.max(p.tokens, p.endedTokens), at);
    if (record.costUsd) {
      p.costUsd += record.costUsd;
      this.cost += record.costUsd;
      push(this.costSeries, at, this.cost);
    }
  }

  private addTokens(p: ProcessView, total: number, at: number): void {
    if (total === p.tokens) return;
    this.tokens += total - p.tokens;
    p.tokens = total;
    push(this.tokenSeries, at, this.tokens);
  }

  get totalCost(): number {
    return this.cost;
  }

  get totalTokens(): number {
    return this.tokens;
  }
}
