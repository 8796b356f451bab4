/** One process as the page shows it, folded from its records by SessionState. */
import type { ArtifactsRecord, EndRecord } from './records.js';

export interface Try {
  attempt: number;
  start: number;
  end: number | null;
  status: string | null;
}

/** Where a process stands in a pattern. */
export interface Step {
  step: string;
  round: number | null;
  role: string;
}

export interface ProcessView {
  id: string;
  label: string;
  agent: string;
  model: string | null;
  /** queued (known, not started), running, waiting to retry, or ended (see `status`). */
  phase: 'queued' | 'running' | 'retrying' | 'ended';
  status: string | null;
  rateLimited: boolean;
  tries: Try[];
  /** When it was queued (ms). */
  queuedAt: number;
  /** When it last said anything (ms). */
  lastHeard: number;
  lastLine: string;
  /** Tokens of ended tries plus the running one's so far. */
  tokens: number;
  endedTokens: number;
  costUsd: number;
  end: EndRecord | null;
  step: Step | null;
  artifacts: ArtifactsRecord | null;
}

export function newProcessView(id: string, at: number): ProcessView {
  return {
    id,
    label: '',
    agent: '',
    model: null,
    phase: 'queued',
    status: null,
    rateLimited: false,
    tries: [],
    queuedAt: at,
    lastHeard: at,
    lastLine: '',
    tokens: 0,
    endedTokens: 0,
    costUsd: 0,
    end: null,
    step: null,
    artifacts: null,
  };
}

/**
 * Never run: still queued when the session ended, or cancelled before its
 * first try started (a cancelled run ends every task not started yet).
 */
export function neverRan(p: ProcessView, sessionOver: boolean): boolean {
  if (p.phase === 'queued') return sessionOver;
  return p.phase === 'ended' && p.tries.length === 0 && p.status === 'cancelled';
}

/** A step in a few words: "version 2 · sonnet", "round 1 · security", "review · reviewer". */
export function stepText(step: Step): string {
  return `${step.step}${step.round === null ? '' : ` ${step.round}`} · ${step.role}`;
}
