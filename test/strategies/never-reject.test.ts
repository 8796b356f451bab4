/**
 * Strategies resolve with one result per process whatever goes wrong inside a
 * run: a listener that throws, a retry policy that throws. A throwing 'end'
 * listener never turns a success into a failure. Only misuse (bad options, a
 * process that already ran) rejects.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/logging/logger.js';
import type { AgentProcess } from '../../src/process/agent-process.js';
import { runBatched } from '../../src/strategies/run-batched.js';
import { runParallel } from '../../src/strategies/run-parallel.js';
import { runSequential } from '../../src/strategies/run-sequential.js';
import { runWithFallback } from '../../src/strategies/run-with-fallback.js';
import type { RetryOptions, StrategyResult } from '../../src/strategies/types.js';
import { fixtureProcess, tempDir } from '../helpers/fixtures.js';

let dir: { path: string; cleanup(): void };
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

type Strategy = (processes: AgentProcess[], retry?: RetryOptions) => Promise<StrategyResult[]>;

const strategies: Record<string, Strategy> = {
  parallel: (p, retry) => runParallel(p, { retry }),
  sequential: (p, retry) => runSequential(p, { retry }),
  batched: (p, retry) => runBatched(p, { batchSize: 2, retry }),
};

/** Lines a logger was given, as `LEVEL [source] message`. */
function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return {
    logger: { log: (level, source, message) => lines.push(`${level} [${source}] ${message}`) },
    lines,
  };
}

/**
 * A process whose every 'end' listener call throws. An 'end' listener runs
 * after the result is made: the throw is logged and never changes the result.
 */
function explodingOnEnd(id: string, logger: Logger): AgentProcess {
  const process = fixtureProcess(dir.path, 'print-ok', { processId: id, logger });
  process.on('end', () => {
    throw new Error(`end listener of ${id} exploded`);
  });
  return process;
}

describe('strategies never reject for what happens inside a run', () => {
  it.each(Object.keys(strategies))(
    '%s: an end listener that throws leaves the success standing and is logged as an error',
    async (name) => {
      const { logger, lines } = recordingLogger();
      const processes = [
        explodingOnEnd('boom', logger),
        fixtureProcess(dir.path, 'print-ok', { processId: 'fine' }),
      ];
      const results = await strategies[name]!(processes);
      const byId = Object.fromEntries(results.map((r) => [r.processId, r]));
      expect(results).toHaveLength(2);
      expect(byId['boom']).toMatchObject({ status: 'succeeded', index: 0, output: 'ok\n' });
      expect(byId['boom']!.message).not.toContain('exploded');
      expect(byId['fine']).toMatchObject({ status: 'succeeded', index: 1 });
      expect(lines).toContain(
        "ERROR [boom] an 'end' listener threw: end listener of boom exploded",
      );
    },
  );

  it('fallback: an end listener that throws leaves the first attempt a success, so no fallback runs', async () => {
    const { logger, lines } = recordingLogger();
    const next = fixtureProcess(dir.path, 'print-ok', { processId: 'next' });
    let nextRan = false;
    next.on('start', () => (nextRan = true));
    const result = await runWithFallback([explodingOnEnd('boom', logger), next]);
    expect(result.attempts.map((a) => [a.processId, a.status])).toEqual([['boom', 'succeeded']]);
    expect(nextRan).toBe(false);
    expect(lines).toContain("ERROR [boom] an 'end' listener threw: end listener of boom exploded");
  });

  it.each(Object.keys(strategies))(
    '%s: a shouldRetry that throws means no retry, and the result stands',
    async (name) => {
      const process = fixtureProcess(dir.path, 'exit-with', { env: { EXIT_CODE: '3' } });
      const shouldRetry = () => {
        throw new Error('policy bug');
      };
      const [result] = await strategies[name]!([process], { attempts: 3, shouldRetry });
      expect(result).toMatchObject({ status: 'failed', exitCode: 3, tries: 1 });
    },
  );

  it.each(Object.keys(strategies))(
    '%s: a retry listener that throws does not stop the retry',
    async (name) => {
      const process = fixtureProcess(dir.path, 'fail-until', {
        env: { COUNTER_FILE: join(dir.path, `count-${name}`), SUCCEED_ON: '2' },
      });
      process.on('retry', () => {
        throw new Error('retry listener exploded');
      });
      const [result] = await strategies[name]!([process], {
        attempts: 2,
        minDelayMs: 0,
        shouldRetry: (r) => r.status === 'failed',
      });
      expect(result).toMatchObject({ status: 'succeeded', tries: 2 });
      expect(result!.output).toBe('succeeded on run 2\n');
    },
  );
});
