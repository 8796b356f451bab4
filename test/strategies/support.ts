/** Helpers for the strategy tests: fixture processes of several kinds, and overlap counting. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentProcess } from '../../src/process/agent-process.js';
import type { ProcessStatus } from '../../src/process/result.js';
import { fixtureProcess } from '../helpers/fixtures.js';

/** What a fixture process will do, and the status that gives. */
export type Behaviour = 'succeed' | 'fail' | 'spawn-error' | 'time-out';

export const EXPECTED_STATUS: Record<Behaviour, ProcessStatus> = {
  succeed: 'succeeded',
  fail: 'failed',
  'spawn-error': 'spawn_error',
  'time-out': 'timed_out',
};

/** A process that records its start and end in `dir/record.txt` (named `p<i>`), behaving as told. */
export function behavingProcess(
  dir: string,
  i: number,
  behaviour: Behaviour,
  sleepSeconds = 0.05,
): AgentProcess {
  const processId = `p${i}`;
  const record = { RECORD_FILE: join(dir, 'record.txt'), SLEEP: String(sleepSeconds) };
  switch (behaviour) {
    case 'succeed':
      return fixtureProcess(dir, 'record-concurrency', {
        processId,
        prompt: processId,
        env: record,
      });
    case 'fail':
      return fixtureProcess(dir, 'exit-with', { processId, env: { EXIT_CODE: '3' } });
    case 'spawn-error':
      return fixtureProcess(dir, 'no-such-fixture', { processId });
    case 'time-out':
      return fixtureProcess(dir, 'sleep-forever', { processId, timeoutMs: 50, killGraceMs: 200 });
  }
}

/**
 * `n` processes (named `p<i>`) that each record their start, wait until
 * `startsToWaitFor(i)` starts are recorded (default all `n`), then record their
 * end: they succeed only if the ones they wait for run at the same time.
 */
export function meetingProcesses(
  dir: string,
  n: number,
  startsToWaitFor: (i: number) => number = () => n,
): AgentProcess[] {
  return Array.from({ length: n }, (_, i) =>
    fixtureProcess(dir, 'meet-peers', {
      processId: `p${i}`,
      prompt: `p${i}`,
      env: { RECORD_FILE: join(dir, 'record.txt'), PEERS: String(startsToWaitFor(i)) },
    }),
  );
}

export interface Interval {
  label: string;
  start: bigint;
  end: bigint;
}

/** The start/end intervals the record-concurrency fixture wrote, by label. */
export function recordedIntervals(dir: string): Interval[] {
  const path = join(dir, 'record.txt');
  if (!existsSync(path)) return [];
  const starts = new Map<string, bigint>();
  const intervals: Interval[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [what, label, ns] = line.split(' ');
    if (!what || !label || !ns) continue;
    if (what === 'start') starts.set(label, BigInt(ns));
    else intervals.push({ label, start: starts.get(label)!, end: BigInt(ns) });
  }
  return intervals;
}

/** Most intervals open at one instant (an end at the same instant as a start counts first). */
export function maxOverlap(intervals: Interval[]): number {
  const points = intervals.flatMap((i) => [
    { at: i.start, delta: 1 },
    { at: i.end, delta: -1 },
  ]);
  points.sort((a, b) => (a.at === b.at ? a.delta - b.delta : a.at < b.at ? -1 : 1));
  let open = 0;
  let most = 0;
  for (const point of points) {
    open += point.delta;
    most = Math.max(most, open);
  }
  return most;
}

/** Counts, from the processes' own events, how many were running at once. */
export function watchRunning(processes: AgentProcess[]): { max(): number; now(): number } {
  const running = new Set<AgentProcess>();
  let most = 0;
  for (const process of processes) {
    process.on('start', function (this: AgentProcess) {
      running.add(this);
      most = Math.max(most, running.size);
    });
    process.on('end', function (this: AgentProcess) {
      running.delete(this);
    });
  }
  return { max: () => most, now: () => running.size };
}
