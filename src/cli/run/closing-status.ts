/**
 * The status a run command closes its session with, where the session's own
 * reading of its processes is not the answer: an interrupt, fallback's final
 * attempt, a halt.
 */
import { getStrategy } from '../../strategies/registry.js';
import type { RunConfig } from '../options/normalize-run-flags.js';
import type { StrategyRun } from './call-strategy.js';

/**
 * The session's status: cancelled on an interrupt; for fallback, the verdict of
 * the final attempt (earlier attempts are expected to fail); otherwise derived
 * from every process by the session.
 */
export function closingStatus(
  strategy: string,
  interrupted: boolean,
  run: StrategyRun | undefined,
): 'cancelled' | 'succeeded' | 'failed' | undefined {
  if (interrupted) return 'cancelled';
  if (getStrategy(strategy).alternatives && run?.final) {
    return run.final.status === 'succeeded' ? 'succeeded' : 'failed';
  }
  return undefined;
}

/** A halted run: succeeded when it halted on successes, failed when a process failed. */
export function haltedStatus(
  config: RunConfig,
  run: StrategyRun | undefined,
): 'succeeded' | 'failed' {
  if (config.halt?.when === 'success') return 'succeeded';
  if (config.halt?.when === 'fail') return 'failed';
  const failed = (run?.results ?? []).some(
    (r) => r.status !== 'succeeded' && r.status !== 'cancelled',
  );
  return failed ? 'failed' : 'succeeded';
}
