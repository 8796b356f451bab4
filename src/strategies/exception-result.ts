/**
 * When run() throws (a broken log, a listener that threw, a clone that could
 * not be made), the strategy still owes a result: a failed one that carries
 * the error's message, in the same flat shape as every other outcome.
 */
import type { AgentProcess } from '../process/agent-process.js';
import type { ProcessResult } from '../process/result.js';

export function exceptionResult(process: AgentProcess, error: unknown): ProcessResult {
  const why = error instanceof Error ? error.message : String(error);
  return {
    processId: process.processId,
    status: 'failed',
    exitCode: -1,
    signal: null,
    durationMs: 0,
    output: '',
    stderr: '',
    outputTruncated: false,
    logFile: process.logFile,
    message: `failed: ${why}`,
    sessionId: null,
    costUsd: null,
    usage: null,
    numTurns: null,
    model: null,
    isError: null,
    apiErrorStatus: null,
  };
}
