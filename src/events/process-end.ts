/**
 * A ProcessResult as a `process-end` record: every field of the result, with
 * the output and stderr shortened to excerpts so events.jsonl stays small (the
 * process log keeps every byte).
 */
import type { ProcessResult } from '../process/result.js';
import type { EventBase, EventOf } from './types.js';

export const EXCERPT_CHARS = 2000;

function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}...` : text;
}

export function processEndDraft(
  result: ProcessResult,
  attempt: number,
): Omit<EventOf<'process-end'>, keyof EventBase> {
  return {
    kind: 'process-end',
    processId: result.processId,
    agent: result.agent,
    attempt,
    status: result.status,
    exitCode: result.exitCode,
    signal: result.signal,
    durationMs: result.durationMs,
    message: result.message,
    logFile: result.logFile,
    agentSessionId: result.sessionId,
    costUsd: result.costUsd,
    usage: result.usage,
    usagePartial: result.usagePartial,
    numTurns: result.numTurns,
    model: result.model,
    isError: result.isError,
    apiErrorStatus: result.apiErrorStatus,
    permissionDenials: result.permissionDenials,
    outputChars: result.output.length,
    outputTruncated: result.outputTruncated,
    outputExcerpt: excerpt(result.output),
    stderrExcerpt: excerpt(result.stderr),
  };
}
