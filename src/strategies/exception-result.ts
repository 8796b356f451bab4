/**
 * When run() throws (a broken log, a listener that threw, a clone that could
 * not be made), the strategy still owes a result: a failed one that carries
 * the error's message, in the same flat shape as every other outcome.
 */
import type { AgentProcess } from '../process/agent-process.js';
import { notStartedResult } from '../process/build-result.js';
import type { ProcessResult } from '../process/result.js';

export function exceptionResult(process: AgentProcess, error: unknown): ProcessResult {
  const why = error instanceof Error ? error.message : String(error);
  return notStartedResult(process, 'failed', `failed: ${why}`);
}
