/**
 * Reads one try's agent events for `orchestrate_rate_limit_pauses_total` on a
 * worker: each retry the agent makes after a 429 or 529 is a pause, and so is
 * the account's refusal until its reset (counted once per try).
 */
import type { AgentDriver } from '../process/agent-driver.js';
import type { TaskMetrics } from './task-metrics.js';

export function pauseCounter(
  driver: AgentDriver,
  metrics: TaskMetrics,
): (event: Record<string, unknown>) => void {
  let refused = false;
  return (event) => {
    const signal = driver.rateLimitOf?.(event);
    if (!signal) return;
    if (signal.kind === 'retry') metrics.rateLimitPause();
    else if (signal.kind === 'status' && signal.status === 'rejected' && !refused) {
      refused = true;
      metrics.rateLimitPause();
    }
  };
}
