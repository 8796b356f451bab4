/**
 * One session folded from its records, as the page shows it: each process's
 * state, tries, tokens, cost and last line, and the cost and tokens over time
 * for the plots. Records arrive in seq order; apply() takes each once.
 */
import {
  tokensOf,
  type ActivityRecord,
  type BaseRecord,
  type EndRecord,
  type RetryRecord,
  type SessionEndRecord,
  type StartRecord,
} from './records.js';

export interface Try {
  attempt: number;
  start: number;
  end: number | null;
  status: string | null;
}

export interface ProcessView {
  id: string;
  agent: string;
  model: string | null;
  /** running, waiting to retry, or the last try's status. */
  phase: 'running' | 'retrying' | 'ended';
  status: string | null;
  rateLimited: boolean;
  tries: Try[];
  /** When it last said anything (ms). */
  lastHeard: number;
  lastLine: string;
  /** Tokens of ended tries plus the running one's so far. */
  tokens: number;
  endedTokens: number;
  costUsd: number;
  end: EndRecord | null;
}

export class SessionState {
  readonly processes = new Map<string, ProcessView>();
  started: number | null = null;
  ended: number | null = null;
  status = 'running';
  patternName = '';
  /** Records applied: equals the last seq when none was missed or repeated. */
  applied = 0;
  lastSeq = 0;
  costSeries: [number[], number[]] = [[], []];
  tokenSeries: [number[], number[]] = [[], []];
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
        break;
      case 'session-end':
        this.ended = at;
        this.status = (record as SessionEndRecord).status;
        break;
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
      found = {
        id,
        agent: '',
        model: null,
        phase: 'running',
        status: null,
        rateLimited: false,
        tries: [],
        lastHeard: at,
        lastLine: '',
        tokens: 0,
        endedTokens: 0,
        costUsd: 0,
        end: null,
      };
      this.processes.set(id, found);
    }
    return found;
  }

  private start(record: StartRecord, at: number): void {
    const p = this.view(record.processId, at);
    p.agent = (record.command.split('/').pop() ?? record.command).replace(/\.exe$/, '');
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
    p.rateLimited = record.previousApiErrorStatus === 429;
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

/** Adds a point (seconds since the epoch, as uPlot wants); one per second of wall time is plenty. */
function push(series: [number[], number[]], at: number, value: number): void {
  const x = Math.floor(at / 1000);
  const last = series[0].length - 1;
  if (last >= 0 && series[0][last] === x) series[1][last] = value;
  else {
    series[0].push(x);
    series[1].push(value);
  }
}
