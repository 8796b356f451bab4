/**
 * One run of one process under a strategy: the strategy's signal cancels it
 * (a running tree ends, a pending process never starts), and an exception
 * becomes a failed result, announced with an 'end' event if the process could
 * not announce it itself, so every listener (a session) sees every outcome.
 */
import type { AgentProcess } from '../process/agent-process.js';
import type { ProcessResult } from '../process/result.js';
import { abortReason } from '../process/run-child.js';
import { exceptionResult } from './exception-result.js';

export async function runOnce(
  process: AgentProcess,
  signal: AbortSignal | null,
): Promise<ProcessResult> {
  let ended = false;
  const markEnded = () => {
    ended = true;
  };
  const onAbort = () => process.cancel(abortReason(signal));
  // The core drops a cancel that arrives while the child is being spawned
  // (started, but not yet running): cancel again once it says it started.
  const onStart = () => {
    if (signal?.aborted) onAbort();
  };
  process.on('end', markEnded);
  process.on('start', onStart);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await process.run();
  } catch (error) {
    const result = exceptionResult(process, error);
    if (!ended) announce(process, result);
    return result;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    process.off('end', markEnded);
    process.off('start', onStart);
  }
}

function announce(process: AgentProcess, result: ProcessResult): void {
  try {
    process.emit('end', result);
  } catch {
    // A listener that throws on the end event already broke this run; the result stands.
  }
}
