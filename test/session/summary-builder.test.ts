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

function start(processId: string, attempt: number): OrchestrateEvent {
  return {
    seq: 1,
    at,
    sessionId,
    kind: 'process-start',
    processId,
    agent: 'command',
    attempt,
    pid: 1,
    command: 'x',
    args: [],
    promptChars: 0,
    logFile: `/logs/${processId}.log`,
  };
}

function step(processId: string, round: number): OrchestrateEvent {
  return { seq: 1, at, sessionId, kind: 'step', processId, step: 'check', round, role: 'r' };
}

function artifacts(processId: string, commit: string): OrchestrateEvent {
  return {
    seq: 1,
    at,
    sessionId,
    kind: 'artifacts',
    processId,
    branch: `orchestrate/s/${processId}`,
    baseCommit: 'b',
    commit,
    filesChanged: [],
    patchFile: `/patches/${processId}.patch`,
  };
}

/** One step of a session's life, on process `p<id>`. */
type Step = { id: number; what: 'run' | 'retry' | 'step' | 'artifacts'; ok: boolean; cost: number };

describe('a summary that settles finished entries to a file', () => {
  it('gives the same processes, in the same order, and the same totals as one that keeps all', () => {
    fc.assert(
      fc.property(
        fc.nat(3),
        fc.array(
          fc.record({
            id: fc.nat(9),
            what: fc.constantFrom('run', 'retry', 'step', 'artifacts'),
            ok: fc.boolean(),
            cost: fc.integer({ min: 0, max: 100 }),
          }),
          { maxLength: 60 },
        ),
        (keepFinished, steps: Step[]) => {
          const declared = new Set<string>();
          const all = new SummaryBuilder();
          const bounded = new SummaryBuilder({ keepFinished, known: (id) => declared.has(id) });
          const tries = new Map<string, number>();
          const feed = (event: OrchestrateEvent) => [all, bounded].forEach((b) => b.apply(event));
          for (const s of steps) {
            const id = `p${s.id}`;
            if (s.what === 'step') feed(step(id, s.cost));
            if (s.what === 'artifacts') feed(artifacts(id, `c${s.cost}`));
            if (s.what === 'step' || s.what === 'artifacts') continue;
            if (!declared.has(id)) {
              declared.add(id);
              [all, bounded].forEach((b) => b.declare(id));
            }
            const attempt = s.what === 'retry' ? (tries.get(id) ?? 0) + 1 : 1;
            tries.set(id, attempt);
            feed(start(id, attempt));
            feed(end(id, s.ok ? 'succeeded' : 'failed', attempt, s.cost / 100));
          }
          const want = all.summary(new Date(at));
          const got = bounded.summary(new Date(at));
          expect(got.processes).toEqual(want.processes);
          expect({ ...got.totals, costUsd: 0 }).toEqual({ ...want.totals, costUsd: 0 });
          expect(got.totals.costUsd).toBeCloseTo(want.totals.costUsd, 9);
          expect(bounded.derivedStatus()).toBe(all.derivedStatus());
          bounded.close();
        },
      ),
    );
  });

  it('keeps only the unfinished and the latest finished entries in memory', () => {
    const builder = new SummaryBuilder({ keepFinished: 2, known: () => true });
    for (let i = 0; i < 50; i++) {
      builder.declare(`p${i}`);
      builder.apply(start(`p${i}`, 1));
      builder.apply(end(`p${i}`, 'succeeded', 1, 0.01));
    }
    builder.declare('waiting');
    const inMemory = (builder as unknown as { processes: Map<string, unknown> }).processes;
    expect([...inMemory.keys()]).toEqual(['p48', 'p49', 'waiting']);
    const summary = builder.summary();
    expect(summary.processes.map((p) => p.processId)).toEqual([
      ...Array.from({ length: 50 }, (_, i) => `p${i}`),
      'waiting',
    ]);
    expect(summary.totals).toMatchObject({ processes: 51, succeeded: 50, notRun: 1 });
    builder.close();
  });
});
