/** Session events for the board's tests: what a process's start and end look like. */
import type { OrchestrateEvent } from '../../../src/events/types.js';
import type { ProcessStatus, TokenUsage } from '../../../src/process/result.js';

export const base = { seq: 1, sessionId: 's' };
export const at = (ms: number) => new Date(1_700_000_000_000 + ms).toISOString();

export const usage = (input: number, output: number, cacheRead = 0): TokenUsage => ({
  inputTokens: input,
  outputTokens: output,
  cacheCreationInputTokens: 0,
  cacheReadInputTokens: cacheRead,
});

export function startEvent(processId: string, atMs: number, attempt = 1): OrchestrateEvent {
  return {
    ...base,
    at: at(atMs),
    kind: 'process-start',
    processId,
    attempt,
    pid: 1,
    command: 'c',
    args: [],
    promptChars: 3,
    logFile: '/x',
  };
}

export function endEvent(
  processId: string,
  attempt: number,
  status: ProcessStatus,
  cost: number | null,
  u: TokenUsage | null = usage(10, 5),
  fields: { durationMs?: number; message?: string; atMs?: number } = {},
): OrchestrateEvent {
  return {
    ...base,
    at: at(fields.atMs ?? 2000),
    kind: 'process-end',
    processId,
    attempt,
    status,
    exitCode: status === 'succeeded' ? 0 : 1,
    signal: null,
    durationMs: fields.durationMs ?? 1500,
    message: fields.message ?? `${status} in 1.5 s`,
    logFile: '/x.log',
    agentSessionId: null,
    costUsd: cost,
    usage: u,
    usagePartial: false,
    numTurns: 1,
    model: 'm',
    isError: false,
    agent: 'claude',
    apiErrorStatus: null,
    outputChars: 2,
    outputTruncated: false,
    outputExcerpt: 'ok',
    stderrExcerpt: '',
  };
}

export function retryEvent(processId: string, attempt: number, atMs: number): OrchestrateEvent {
  return {
    ...base,
    at: at(atMs),
    kind: 'retry',
    processId,
    attempt,
    delayMs: 1000,
    reason: 'rate limited (429)',
    previousStatus: 'failed',
    previousApiErrorStatus: 429,
  };
}
