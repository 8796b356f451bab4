import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processEndDraft } from '../../src/events/process-end.js';
import type { OrchestrateEvent } from '../../src/events/types.js';
import type { ProcessResult, ProcessStatus } from '../../src/process/result.js';
import { SummaryBuilder } from '../../src/session/summary-builder.js';

const at = '2025-01-01T00:00:00.000Z';
const sessionId = 's';

function end(
  processId: string,
  status: ProcessStatus,
  attempt = 1,
  costUsd: number | null = null,
): OrchestrateEvent {
  const result: ProcessResult = {
    processId,
    status,
    exitCode: status === 'succeeded' ? 0 : 1,
    signal: null,
    durationMs: 5,
    output: 'out',
    stderr: '',
    outputTruncated: false,
    logFile: `/logs/${processId}.log`,
    message: status,
    sessionId: null,
    costUsd,
    usage: null,
    usagePartial: false,
    numTurns: null,
    model: null,
    isError: null,
    agent: 'claude',
    apiErrorStatus: null,
    survivors: [],
    permissionDenials: [],
  };
  return { seq: 1, at, sessionId, ...processEndDraft(result, attempt) };
}

const statuses: ProcessStatus[] = ['succeeded', 'failed', 'timed_out', 'cancelled', 'spawn_error'];

describe('the summary fold', () => {
  it('derives the status: cancelled if any was cancelled, succeeded if all that ran succeeded, else failed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...statuses), { maxLength: 8 }),
        fc.nat(3),
        (ends, notRun) => {
          const builder = new SummaryBuilder();
          ends.forEach((status, i) => builder.apply(end(`p${i}`, status)));
          for (let i = 0; i < notRun; i++) builder.declare(`never${i}`);
          const expected = ends.includes('cancelled')
            ? 'cancelled'
            : ends.every((s) => s === 'succeeded')
              ? 'succeeded'
              : 'failed';
          expect(builder.derivedStatus()).toBe(expected);
          const totals = builder.summary().totals;
          expect(totals.processes).toBe(ends.length + notRun);
          expect(
            totals.succeeded +
              totals.failed +
              totals.timedOut +
              totals.cancelled +
              totals.spawnErrors +
              totals.notRun,
          ).toBe(totals.processes);
        },
      ),
    );
  });

  it('sums the cost of every try of a process and keeps the last try outcome', () => {
    const builder = new SummaryBuilder();
    builder.apply(end('p', 'failed', 1, 0.01));
    builder.apply({
      seq: 2,
      at,
      sessionId,
      kind: 'retry',
      processId: 'p',
      attempt: 2,
      delayMs: 0,
      reason: 'x',
      previousStatus: 'failed',
      previousApiErrorStatus: 529,
    });
    builder.apply(end('p', 'succeeded', 2, 0.02));
    const summary = builder.summary();
    expect(summary.processes[0]).toMatchObject({ status: 'succeeded', tries: 2, exitCode: 0 });
    expect(summary.processes[0]!.costUsd).toBeCloseTo(0.03);
    expect(summary.totals.retries).toBe(1);
  });
});
