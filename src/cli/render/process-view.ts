/** One process as the board shows it, and the token arithmetic the run state does on it. */
import type { ProcessStatus, TokenUsage } from '../../process/result.js';

/** `not_run`: the run ended before this process started (a fallback that succeeded early, --stop-on-failure). */
export type Phase = 'pending' | 'running' | 'retrying' | 'not_run' | ProcessStatus;

export interface ProcessView {
  processId: string;
  /** Its place in the input, for the board's row order. */
  order: number;
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
  /** Tokens of the finished tries only. */
  settled: TokenUsage;
  /** Tokens of the running try so far. */
  running: TokenUsage;
  /** Cost of the finished tries (the agent reports it at the end of each). */
  costUsd: number | null;
  /** What the agent did last, or the result's message once ended. */
  note: string | null;
  retryAt: number | null;
  /** Tool calls refused in the last try, as `Write(notes.md)`. */
  denied: string[];
}

export const ZERO: TokenUsage = {
  inputTokens: 0,
  outputTokens: 0,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: 0,
};

export const addUsage = (a: TokenUsage, b: TokenUsage): TokenUsage => ({
  inputTokens: a.inputTokens + b.inputTokens,
  outputTokens: a.outputTokens + b.outputTokens,
  cacheCreationInputTokens: a.cacheCreationInputTokens + b.cacheCreationInputTokens,
  cacheReadInputTokens: a.cacheReadInputTokens + b.cacheReadInputTokens,
});

export function blankView(processId: string, prompt: string, order: number): ProcessView {
  return {
    processId,
    order,
    label: null,
    agent: null,
    prompt,
    phase: 'pending',
    attempt: 1,
    startedAt: null,
    durationMs: null,
    usage: ZERO,
    hasUsage: false,
    settled: ZERO,
    running: ZERO,
    costUsd: null,
    note: null,
    retryAt: null,
    denied: [],
  };
}
